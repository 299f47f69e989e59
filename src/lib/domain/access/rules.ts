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
	/** Audit action recorded when the request succeeds (issue 5 §6). */
	audit?: string;
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

export const ROUTES: Record<string, RouteRules> = {
	'/': { kind: 'page', rules: { GET: read(ALL, { display: true }) } },
	'/login': { kind: 'page', rules: { GET: open, 'action:default': open } },
	'/account': {
		kind: 'page',
		rules: {
			GET: read(ALL, { scope: 'none' }),
			'action:signout': change(ALL, 'auth.sign_out', 'none'),
			'action:everywhere': change(ALL, 'auth.sign_out_everywhere', 'none')
		}
	},
	'/wall': { kind: 'page', rules: { GET: read(LIVE, { display: true }) } },
	'/admin/users': {
		kind: 'page',
		rules: {
			GET: read(ADMIN, { scope: 'none' }),
			'action:create': admin('user.create'),
			'action:update': admin('user.update'),
			'action:signout': admin('user.sign_out_everywhere')
		}
	},
	'/admin/keys': {
		kind: 'page',
		rules: {
			GET: read(ADMIN, { scope: 'none' }),
			'action:ingest': admin('ingest_key.create'),
			'action:revokeIngest': admin('ingest_key.revoke'),
			'action:token': admin('api_token.create'),
			'action:revokeToken': admin('api_token.revoke'),
			'action:display': admin('display_token.create'),
			'action:revokeDisplay': admin('display_token.revoke')
		}
	},
	'/admin/audit': { kind: 'page', rules: { GET: read(CONFIG_READ, { scope: 'none' }) } },
	'/api/health': { kind: 'endpoint', rules: { GET: open } },
	'/api/v1/events': {
		kind: 'endpoint',
		rules: { POST: { roles: [], scope: 'none', self: 'ingest_key' } }
	},
	'/api/v1/metrics': { kind: 'endpoint', rules: { GET: read(LIVE, { token: true }) } },
	'/api/v1/reference': {
		kind: 'endpoint',
		rules: { GET: read(ALL, { display: true, token: true, scope: 'none' }) }
	},
	// Trends (issue 6): pages for TRENDS within scope; files that leave the system for EXPORTS.
	'/api/v1/trends': { kind: 'endpoint', rules: { GET: read(TRENDS, { token: true }) } },
	'/trends': { kind: 'page', rules: { GET: read(TRENDS) } },
	'/trends/contacts': { kind: 'page', rules: { GET: read(TRENDS) } },
	'/trends/report': { kind: 'page', rules: { GET: read(EXPORTS, { audit: 'trends.report' }) } },
	'/trends/export': {
		kind: 'endpoint',
		rules: { GET: read(EXPORTS, { audit: 'trends.export' }) }
	},
	'/trends/export/cases': {
		kind: 'endpoint',
		rules: { GET: read(EXPORTS, { audit: 'cases.export' }) }
	}
};

/** Socket.io commands (ClientToServerEvents), by event name. */
export const SOCKET_COMMANDS: Record<string, Rule> = {
	'metrics:subscribe': read(LIVE, { display: true }),
	'cases:subscribe': read(ALL),
	'case:reassign': change(REASSIGN, 'case.reassign')
};

/** Role groups, exported for the route declarations other areas add and for tests. */
export const ROLE_GROUPS = { ALL, LIVE, REASSIGN, HANDLE, CONFIG_READ, ADMIN, TRENDS, EXPORTS };
