/**
 * THE declaration of who may do what (issue 5 §2): every route (page loads, form actions, API
 * methods, exports) and every socket command, by SvelteKit route id. `hooks.server.ts` and the
 * socket middleware enforce it; a route or command missing here is denied, and a test fails
 * when a file under src/routes is not declared, so a new route cannot be forgotten.
 */
import type { Role } from './principal';

/** What a rule is about: the page load or API method, or a named form action. */
export type RuleKey = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | `action:${string}`;

export interface Rule {
	/** Signed-in roles that may. */
	roles: readonly Role[];
	/** A wall display token may (read-only, aggregates only). */
	display?: boolean;
	/** A personal API token may (read APIs only; never state changes). */
	token?: boolean;
	/** `scope`: the data is narrowed to the principal's scope (agents: their own cases). */
	scope: 'scope' | 'none';
	/** Audit action the gate records when the request succeeds (issue 5 §6); rules without one
	 * either change nothing or are audited by their service with fuller detail. */
	audit?: string;
	/**
	 * The data the request acts on, checked against the principal's scope before the route runs:
	 * `case` (route param or command field `caseId`), `cases` (a bulk body's cases), `new_case`
	 * (the area and issue type a new case names), `wall` (`province`/`issueType` query
	 * parameters, as for a wall: a scoped principal must name a place inside its scope).
	 */
	resource?: 'case' | 'cases' | 'new_case' | 'wall';
	/** Routes that need nobody, or authenticate themselves (ingest key, webhook signature). */
	self?: 'public' | 'ingest_key' | 'signature';
}

export interface RouteRules {
	kind: 'page' | 'endpoint';
	rules: Partial<Record<RuleKey, Rule>>;
}

const ALL: readonly Role[] = ['admin', 'leadership', 'supervisor', 'team_lead', 'agent'];
/** Live pages, the wall and live metrics (supervisors and up, team leads for their scope). */
const LIVE: readonly Role[] = ['admin', 'leadership', 'supervisor', 'team_lead'];
/** Reassignment: team leads within scope, administrators anywhere. */
const REASSIGN: readonly Role[] = ['admin', 'team_lead'];
/** Working a case (create, status, reply): agents on their own cases, team leads in scope. */
const HANDLE: readonly Role[] = ['admin', 'team_lead', 'agent'];
/** Configuration pages: administrators change, leadership reads. */
const CONFIG_READ: readonly Role[] = ['admin', 'leadership'];
const ADMIN: readonly Role[] = ['admin'];
/** Trends: leadership and administrators nationally, supervisors within scope. */
const TRENDS: readonly Role[] = ['admin', 'leadership', 'supervisor'];
/** Health of sources, read-only (issue 4 §6): administrators, leadership and supervisors. */
const SOURCES_READ: readonly Role[] = ['admin', 'leadership', 'supervisor'];
/** Exports leave the system: leadership and administrators (issue 5 §2). */
const EXPORTS: readonly Role[] = ['admin', 'leadership'];

const open: Rule = { roles: [], scope: 'none', self: 'public' };
const read = (roles: readonly Role[], extra: Partial<Rule> = {}): Rule => ({
	roles,
	scope: 'scope',
	...extra
});
const change = (roles: readonly Role[], audit: string, scope: Rule['scope'] = 'scope'): Rule => ({
	roles,
	scope,
	audit
});
const admin = (audit: string): Rule => change(ADMIN, audit, 'none');
const onCase = (rule: Rule): Rule => ({ ...rule, resource: 'case' });
const selfAuth = (how: 'ingest_key' | 'signature'): Rule => ({
	roles: [],
	scope: 'none',
	self: how
});

/** Changes nobody needs on the record (marking a notification read). */
const quiet = (roles: readonly Role[]): Rule => ({ roles, scope: 'scope' });
const config = (roles: readonly Role[] = CONFIG_READ): Rule => read(roles, { scope: 'none' });
const NOTIFIED: readonly Role[] = ['admin', 'supervisor', 'team_lead'];

export const ROUTES: Record<string, RouteRules> = {
	// --- home, sign-in, account (issue 5) -------------------------------------------------
	'/': { kind: 'page', rules: { GET: read(ALL, { display: true }) } },
	'/login': { kind: 'page', rules: { GET: open, 'action:default': open } },
	'/account': {
		kind: 'page',
		rules: {
			GET: config(ALL),
			// Audited by the sign-in service itself (with the sessions ended).
			'action:signout': config(ALL),
			'action:everywhere': config(ALL)
		}
	},
	// --- live wall (wall-display issue) -------------------------------------------------------
	'/wall': { kind: 'page', rules: { GET: read(LIVE, { display: true }) } },
	'/api/v1/wall/breaches': {
		kind: 'endpoint',
		rules: { GET: read(LIVE, { display: true, token: true, resource: 'wall' }) }
	},
	'/api/v1/metrics': {
		kind: 'endpoint',
		rules: { GET: read(LIVE, { token: true, resource: 'wall' }) }
	},
	'/api/v1/reference': { kind: 'endpoint', rules: { GET: open } },
	'/api/health': { kind: 'endpoint', rules: { GET: open } },
	// --- sources (ingest key, webhook signatures: issue 4) ------------------------------------
	'/api/v1/events': { kind: 'endpoint', rules: { POST: selfAuth('ingest_key') } },
	'/api/v1/webhooks/whatsapp': {
		kind: 'endpoint',
		rules: { GET: selfAuth('signature'), POST: selfAuth('signature') }
	},
	'/api/v1/webhooks/chatwoot': { kind: 'endpoint', rules: { POST: selfAuth('signature') } },
	// --- health of sources, dead letters (issue 4 §5–6; sources are not data of a place) ------
	'/api/v1/sources': {
		kind: 'endpoint',
		rules: { GET: read(SOURCES_READ, { token: true, scope: 'none' }) }
	},
	'/api/v1/admin/dead-letters/reprocess': {
		kind: 'endpoint',
		rules: { POST: admin('dead_letters.reprocess') }
	},
	'/admin/sources': {
		kind: 'page',
		rules: {
			GET: config(ADMIN),
			'action:quiet': admin('source.quiet_limit'),
			'action:reprocess': admin('dead_letters.reprocess')
		}
	},
	'/admin/dead-letters': {
		kind: 'page',
		rules: { GET: config(ADMIN), 'action:reprocess': admin('dead_letters.reprocess') }
	},
	// --- cases (issue 3) ------------------------------------------------------------------------
	'/cases': {
		kind: 'page',
		rules: {
			GET: read(ALL),
			'action:reassign': { ...change(REASSIGN, 'case.reassign'), resource: 'cases' }
		}
	},
	'/cases/[id]': {
		kind: 'page',
		rules: {
			GET: onCase(read(ALL)),
			'action:reassign': onCase(change(REASSIGN, 'case.reassign')),
			'action:status': onCase(change(HANDLE, 'case.status')),
			'action:respond': onCase(change(HANDLE, 'case.respond'))
		}
	},
	'/cases/new': {
		kind: 'page',
		rules: {
			GET: read(HANDLE),
			// No body check here: the case service refuses a place outside the scope (it also sees
			// the contact's defaults), and the form shows that beside its fields with everything
			// typed kept, the denial audited; a gate refusal would be an error page.
			'action:default': change(HANDLE, 'case.create')
		}
	},
	'/cases/new/areas': { kind: 'endpoint', rules: { GET: read(HANDLE, { scope: 'none' }) } },
	'/api/v1/cases': {
		kind: 'endpoint',
		rules: {
			GET: read(ALL, { token: true }),
			POST: { ...change(HANDLE, 'case.create'), resource: 'new_case' }
		}
	},
	'/api/v1/cases/[id]': { kind: 'endpoint', rules: { GET: onCase(read(ALL, { token: true })) } },
	'/api/v1/cases/[id]/reassign': {
		kind: 'endpoint',
		rules: { POST: onCase(change(REASSIGN, 'case.reassign')) }
	},
	'/api/v1/cases/reassign': {
		kind: 'endpoint',
		rules: { POST: { ...change(REASSIGN, 'case.reassign_bulk'), resource: 'cases' } }
	},
	'/api/v1/cases/[id]/status': {
		kind: 'endpoint',
		rules: { POST: onCase(change(HANDLE, 'case.status')) }
	},
	'/api/v1/cases/[id]/responses': {
		kind: 'endpoint',
		rules: { POST: onCase(change(HANDLE, 'case.respond')) }
	},
	// The signed-in user's own notifications (their agent's); marking one read is not audited.
	'/notifications': {
		kind: 'page',
		rules: { GET: read(NOTIFIED), 'action:read': quiet(NOTIFIED) }
	},
	'/api/v1/notifications': { kind: 'endpoint', rules: { GET: read(NOTIFIED, { token: true }) } },
	'/api/v1/notifications/[id]/read': { kind: 'endpoint', rules: { POST: quiet(NOTIFIED) } },
	'/api/v1/agents': {
		kind: 'endpoint',
		rules: { GET: read(LIVE, { token: true, scope: 'none' }), POST: admin('agent.save') }
	},
	'/api/v1/agents/[id]': { kind: 'endpoint', rules: { PUT: admin('agent.save') } },
	'/api/v1/teams': {
		kind: 'endpoint',
		rules: { GET: read(LIVE, { token: true, scope: 'none' }), POST: admin('team.save') }
	},
	'/api/v1/teams/[id]': { kind: 'endpoint', rules: { PUT: admin('team.save') } },
	// --- configuration (issue 3; administrators change, leadership reads) ---------------------
	'/admin/calendars': {
		kind: 'page',
		rules: { GET: config(), 'action:save': admin('calendar.save') }
	},
	'/admin/sla': { kind: 'page', rules: { GET: config(), 'action:save': admin('sla_policy.save') } },
	'/admin/teams': {
		kind: 'page',
		rules: {
			GET: config(),
			'action:team': admin('team.save'),
			'action:agent': admin('agent.save')
		}
	},
	'/api/v1/admin/calendars': {
		kind: 'endpoint',
		rules: { GET: read(CONFIG_READ, { token: true, scope: 'none' }) }
	},
	'/api/v1/admin/calendars/[id]': { kind: 'endpoint', rules: { PUT: admin('calendar.save') } },
	'/api/v1/admin/sla-policies': {
		kind: 'endpoint',
		rules: { GET: read(CONFIG_READ, { token: true, scope: 'none' }) }
	},
	'/api/v1/admin/sla-policies/[id]': {
		kind: 'endpoint',
		rules: { PUT: admin('sla_policy.save'), DELETE: admin('sla_policy.delete') }
	},
	// --- trends and exports (issue 6) ----------------------------------------------------------
	// The trend services narrow every sum, grouping and drill-down to the principal's scope.
	'/trends': { kind: 'page', rules: { GET: read(TRENDS) } },
	'/trends/contacts': { kind: 'page', rules: { GET: read(TRENDS) } },
	'/trends/report': { kind: 'page', rules: { GET: read(TRENDS) } },
	'/api/v1/trends': { kind: 'endpoint', rules: { GET: read(TRENDS, { token: true }) } },
	// One row per case for audits (issue 6 §3), narrowed to the scope by the trend services.
	'/trends/export/cases': {
		kind: 'endpoint',
		rules: { GET: read(EXPORTS, { audit: 'export.download' }) }
	},
	'/trends/export': {
		kind: 'endpoint',
		rules: { GET: read(EXPORTS, { audit: 'export.download' }) }
	},
	// --- users, keys, audit (issue 5; the services audit with full detail) ---------------------
	'/admin/users': {
		kind: 'page',
		rules: {
			GET: config(ADMIN),
			'action:create': config(ADMIN),
			'action:update': config(ADMIN),
			'action:signout': config(ADMIN)
		}
	},
	'/admin/keys': {
		kind: 'page',
		rules: {
			GET: config(ADMIN),
			'action:ingest': config(ADMIN),
			'action:revokeIngest': config(ADMIN),
			'action:token': config(ADMIN),
			'action:revokeToken': config(ADMIN),
			'action:display': config(ADMIN),
			'action:revokeDisplay': config(ADMIN)
		}
	},
	'/admin/audit': { kind: 'page', rules: { GET: config() } }
};

/** Socket.io commands (ClientToServerEvents), by event name. */
export const SOCKET_COMMANDS: Record<string, Rule> = {
	'metrics:subscribe': read(LIVE, { display: true }),
	'cases:subscribe': read(ALL),
	'case:reassign': onCase(change(REASSIGN, 'case.reassign'))
};

/** Role groups, exported for the route declarations other areas add and for tests. */
export const ROLE_GROUPS = {
	ALL,
	LIVE,
	REASSIGN,
	HANDLE,
	CONFIG_READ,
	ADMIN,
	TRENDS,
	EXPORTS,
	SOURCES_READ
};
