/**
 * The roles × routes table (issue 5 "Tests that must exist"), generated from the one
 * declaration: every declared route and key, for every role by session and by API token, a
 * wall display and nobody, goes through the real request gate (hooks.server.ts's handle) with
 * real credentials on PGlite; allowed requests reach the route, the rest get 401/403 (pages:
 * the sign-in redirect). Plus the Bad-input rows: forged cookies, flipped token bytes,
 * cross-site JSON changes, oversized bodies — refused, and on the audit record. And a table of
 * hard facts written by hand, not derived from the declaration, so a wrong grant there fails.
 */
import { isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROLES, type Principal, type Role } from '../../src/lib/domain/access/principal';
import { ROUTES, type Rule, type RuleKey } from '../../src/lib/domain/access/rules';
import { accessHandle } from '../../src/lib/server/http/access-handle';
import { searchAudit } from '../../src/lib/server/services/access/audit.service';
import {
	DISPLAY_COOKIE,
	SESSION_COOKIE
} from '../../src/lib/server/services/access/sessions.service';
import { signIn } from '../../src/lib/server/services/access/sign-in.service';
import {
	createApiToken,
	createDisplayToken,
	exchangeDisplayToken
} from '../../src/lib/server/services/access/tokens.service';
import { createUser } from '../../src/lib/server/services/access/users.service';
import { placeCase } from '../../src/lib/server/services/access/case-scope';
import { createCase } from '../../src/lib/server/services/cases';
import { withPrincipal } from '../../src/lib/server/services/access/request-context';
import { aCaseBody } from './cases-client';
import { startTestServer, type TestServer } from './harness';
import { gateEvent } from './gate-event';

const ORIGIN = 'http://sigap.test';
const cli = { principal: null, address: null, name: 'cli:test' };
let server: TestServer;
let handle: ReturnType<typeof accessHandle>;
const sessions = new Map<Role, string>();
const principals = new Map<Role, Principal>();
const tokens = new Map<Role, string>();
let display = '';
let kalbarCase: { id: string };
let acehCase: { id: string };

type Extra = Omit<Call, 'routeId' | 'key'>;

interface Call {
	routeId: string | null;
	key: RuleKey;
	cookies?: Record<string, string>;
	headers?: Record<string, string>;
	path?: string;
	params?: Record<string, string>;
	body?: unknown;
}

/** Runs one request through the gate; returns the status, or 303 for a sign-in redirect. */
async function gate(call: Call): Promise<{ status: number; reached: boolean; location?: string }> {
	const method = call.key.startsWith('action:') ? 'POST' : call.key;
	const action = call.key.startsWith('action:') ? `?/${call.key.slice(7)}` : '';
	const url = new URL(`${call.path ?? '/some/path'}${action}`, ORIGIN);
	const form = call.body instanceof URLSearchParams;
	const body =
		method === 'GET' ? undefined : form ? String(call.body) : JSON.stringify(call.body ?? {});
	const request = new Request(url, {
		method,
		headers: {
			'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
			origin: ORIGIN,
			...call.headers
		},
		body
	});
	let reached = false;
	const event = gateEvent(request, call.routeId, { params: call.params, cookies: call.cookies });
	try {
		const response = await handle({
			event,
			resolve: async () => {
				reached = true;
				return new Response('reached');
			}
		});
		return { status: response.status, reached };
	} catch (e) {
		if (isRedirect(e)) return { status: e.status, reached, location: e.location };
		throw e;
	}
}

beforeAll(async () => {
	// Every refusal is logged; hundreds of them here are expected.
	vi.spyOn(console, 'warn').mockImplementation(() => {});
	server = await startTestServer('pglite');
	const c = server.container;
	handle = accessHandle(async () =>
		Object.assign({}, c, { placeCase: (id: string) => placeCase(c, id) })
	);
	kalbarCase = await createCase(c, aCaseBody(), 'api');
	acehCase = await createCase(c, aCaseBody({ villageCode: '11.01.01.2001' }), 'api');
	for (const role of ROLES) {
		const email = `${role}@gate.test`;
		await createUser(
			c,
			{
				email,
				password: 'gate password 1',
				role,
				provinces: role === 'team_lead' || role === 'agent' ? '61' : ''
			},
			cli
		);
		const s = await signIn(
			c,
			{ email, password: 'gate password 1' },
			{ address: '127.0.0.1', userAgent: null }
		);
		if (!s.ok) throw new Error(`sign-in of ${role} failed`);
		sessions.set(role, s.cookie);
		principals.set(role, s.principal);
		tokens.set(role, (await createApiToken(c, { user: email, name: 'gate' }, cli)).token);
	}
	const { token } = await createDisplayToken(c, { name: 'gate wall', province: '61' }, cli);
	const opened = await exchangeDisplayToken(c, token, { address: '127.0.0.1', userAgent: null });
	if (!opened.ok) throw new Error('display exchange failed');
	display = opened.cookie;
});
afterAll(async () => {
	await server?.close();
});

const table = Object.entries(ROUTES).flatMap(([routeId, { kind, rules }]) =>
	Object.entries(rules).map(([key, rule]) => ({
		routeId,
		kind,
		key: key as RuleKey,
		rule: rule as Rule
	}))
);

describe('roles × routes, from the one declaration', () => {
	it.each(table)('$key $routeId', async ({ routeId, kind, key, rule }) => {
		// A request on data inside every scope of this table (province 61), so roles decide.
		const requests: Record<string, Extra> = {
			wall: { path: '/x?province=61' },
			case: { params: { id: kalbarCase.id } },
			cases: { body: { items: [{ caseId: kalbarCase.id, expectedVersion: 0 }] } },
			new_case: { body: aCaseBody() }
		};
		const inScope = rule.resource ? requests[rule.resource] : undefined;
		const expectAllowed = async (call: Extra, allowed: boolean, who: string) => {
			const r = await gate({ routeId, key, ...inScope, ...call });
			expect(r.reached, `${who}: reached`).toBe(allowed);
			if (!allowed) expect([401, 403, 303], `${who}: status ${r.status}`).toContain(r.status);
		};
		for (const role of ROLES) {
			// Agents act on their own cases only; the Kalbar case is assigned to nobody.
			const own = role !== 'agent' || (rule.resource !== 'case' && rule.resource !== 'cases');
			const bySession = Boolean(rule.self) || (rule.roles.includes(role) && own);
			await expectAllowed(
				{ cookies: { [SESSION_COOKIE]: sessions.get(role)! } },
				bySession,
				`${role} session`
			);
			const byToken =
				Boolean(rule.self) || (Boolean(rule.token) && rule.roles.includes(role) && own);
			await expectAllowed(
				{ headers: { authorization: `Bearer ${tokens.get(role)}` } },
				byToken,
				`${role} API token`
			);
		}
		await expectAllowed(
			{ cookies: { [DISPLAY_COOKIE]: display } },
			Boolean(rule.self || rule.display),
			'display'
		);
		const anonymous = await gate({ routeId, key, ...inScope });
		expect(anonymous.reached, 'anonymous').toBe(Boolean(rule.self));
		if (!rule.self) {
			expect(anonymous.status).toBe(kind === 'page' && key === 'GET' ? 303 : 401);
		}
	});

	it('denies an undeclared route by default, whoever asks', async () => {
		const r = await gate({
			routeId: '/forgotten',
			key: 'GET',
			cookies: { [SESSION_COOKIE]: sessions.get('admin')! }
		});
		expect(r).toEqual({ status: 403, reached: false });
	});

	it('lets an unknown path through to the 404', async () => {
		expect((await gate({ routeId: null, key: 'GET' })).reached).toBe(true);
	});
});

describe("scope at the gate: data outside the principal's scope", () => {
	const lead = () => ({ [SESSION_COOKIE]: sessions.get('team_lead')! });

	it("a team lead reassigning another province's case through the API directly is refused and audited", async () => {
		const r = await gate({
			routeId: '/api/v1/cases/[id]/reassign',
			key: 'POST',
			cookies: lead(),
			params: { id: acehCase.id },
			body: { reason: 'x', teamId: 't', expectedVersion: 1 }
		});
		expect(r).toMatchObject({ status: 403, reached: false });
		const [entry] = await searchAudit(server.container.database.db, {
			action: 'access.denied',
			target: 'reassign',
			limit: 1
		});
		expect(entry?.detail).toMatchObject({
			reason: expect.stringContaining('province 11) is outside your scope')
		});
		expect(
			(
				await gate({
					routeId: '/api/v1/cases/[id]/reassign',
					key: 'POST',
					cookies: lead(),
					params: { id: kalbarCase.id }
				})
			).reached
		).toBe(true);
	});

	it('a new case whose areas disagree is bad input for the service (400 naming the field), not a 403', async () => {
		// Village of Aceh (11) with province 61: the gate lets it through to be refused as 400...
		const body = aCaseBody({ provinceCode: '61', villageCode: '11.01.01.2001' });
		for (const routeId of ['/api/v1/cases', '/cases/new'])
			expect(
				(
					await gate({
						routeId,
						key: routeId === '/api/v1/cases' ? 'POST' : ('action:default' as RuleKey),
						cookies: lead(),
						body
					})
				).reached
			).toBe(true);
		// ...by the service, which names the field and creates nothing.
		const principal = principals.get('team_lead')!;
		await expect(
			withPrincipal(principal, () => createCase(server.container, body, 'api'))
		).rejects.toMatchObject({ field: 'provinceCode' });
		// A consistent place outside the scope is still refused at the gate.
		const aceh = await gate({
			routeId: '/api/v1/cases',
			key: 'POST',
			cookies: lead(),
			body: aCaseBody({ villageCode: '11.01.01.2001' })
		});
		expect(aceh).toMatchObject({ status: 403, reached: false });
	});

	it("reading another province's case, by page or API, is refused", async () => {
		expect(
			await gate({
				routeId: '/cases/[id]',
				key: 'GET',
				cookies: lead(),
				params: { id: acehCase.id }
			})
		).toMatchObject({ status: 403 });
		expect(
			await gate({
				routeId: '/api/v1/cases/[id]',
				key: 'GET',
				cookies: lead(),
				params: { id: acehCase.id }
			})
		).toMatchObject({ status: 403 });
		expect(
			(
				await gate({
					routeId: '/api/v1/cases/[id]',
					key: 'GET',
					cookies: lead(),
					params: { id: 'no-such-case' }
				})
			).reached
		).toBe(true);
	});

	it('a bulk reassignment with one foreign case is refused whole (nothing changed)', async () => {
		const items = [kalbarCase, acehCase].map((k) => ({ caseId: k.id, expectedVersion: 1 }));
		expect(
			await gate({
				routeId: '/api/v1/cases/reassign',
				key: 'POST',
				cookies: lead(),
				body: { reason: 'x', teamId: 't', items }
			})
		).toMatchObject({ status: 403 });
		// The work queue's form: checkbox values `id|version|number`.
		const picks = (...cases: { id: string }[]) =>
			new URLSearchParams([...cases.map((k) => ['case', `${k.id}|1|K-x`]), ['reason', 'x']]);
		const formCall = {
			routeId: '/cases',
			key: 'action:reassign' as const,
			cookies: lead(),
			path: '/cases'
		};
		expect(await gate({ ...formCall, body: picks(kalbarCase, acehCase) })).toMatchObject({
			status: 403
		});
		expect((await gate({ ...formCall, body: picks(kalbarCase) })).reached).toBe(true);
	});

	it('creating a case in another province is refused', async () => {
		const body = aCaseBody({ villageCode: '11.01.01.2001' });
		expect(
			await gate({ routeId: '/api/v1/cases', key: 'POST', cookies: lead(), body })
		).toMatchObject({ status: 403 });
	});

	it('live metrics for a province outside the scope, or for the whole country, are refused', async () => {
		for (const path of ['/api/v1/metrics?province=11', '/api/v1/metrics']) {
			expect(
				await gate({ routeId: '/api/v1/metrics', key: 'GET', cookies: lead(), path })
			).toMatchObject({ status: 403 });
		}
	});

	it('an agent reaches only the cases assigned to them', async () => {
		const agent = { [SESSION_COOKIE]: sessions.get('agent')! };
		expect(
			await gate({
				routeId: '/api/v1/cases/[id]',
				key: 'GET',
				cookies: agent,
				params: { id: kalbarCase.id }
			})
		).toMatchObject({ status: 403 });
	});
});

describe('Bad input at the gate', () => {
	const flip = (s: string) => s.slice(0, -1) + (s.endsWith('A') ? 'B' : 'A');

	it('a forged or flipped session cookie is nobody (and the cookie is cleared)', async () => {
		for (const cookie of [flip(sessions.get('admin')!), 'forged', '']) {
			const r = await gate({
				routeId: '/api/v1/metrics',
				key: 'GET',
				cookies: { [SESSION_COOKIE]: cookie }
			});
			expect(r).toMatchObject({ status: 401, reached: false });
		}
	});

	it('an API token with a flipped byte is refused and audited', async () => {
		const r = await gate({
			routeId: '/api/v1/metrics',
			key: 'GET',
			headers: { authorization: `Bearer ${flip(tokens.get('admin')!)}` }
		});
		expect(r).toMatchObject({ status: 401, reached: false });
		const [entry] = await searchAudit(server.container.database.db, {
			action: 'access.denied',
			limit: 1
		});
		expect(entry).toMatchObject({ outcome: 'denied', target: '/api/v1/metrics' });
	});

	it('a cookie-authenticated JSON change from another site is refused; same-site passes', async () => {
		const lead = { [SESSION_COOKIE]: sessions.get('team_lead')! };
		const call = { routeId: '/api/v1/cases/[id]/reassign', key: 'POST' as const, cookies: lead };
		expect(await gate({ ...call, headers: { origin: 'https://evil.example' } })).toMatchObject({
			status: 403,
			reached: false
		});
		expect(await gate({ ...call, headers: { origin: '' } })).toMatchObject({
			status: 403,
			reached: false
		});
		expect((await gate(call)).reached).toBe(true);
	});

	it('an oversized body is refused before anything reads it', async () => {
		const r = await gate({
			routeId: '/api/v1/cases',
			key: 'POST',
			cookies: { [SESSION_COOKIE]: sessions.get('admin')! },
			headers: { 'content-length': String(5 * 1024 * 1024) }
		});
		expect(r).toMatchObject({ status: 413, reached: false });
	});

	it('a state change refused by role is on the audit record', async () => {
		await gate({
			routeId: '/api/v1/cases/[id]/reassign',
			key: 'POST',
			cookies: { [SESSION_COOKIE]: sessions.get('leadership')! }
		});
		const [entry] = await searchAudit(server.container.database.db, {
			action: 'access.denied',
			actor: 'leadership@gate.test',
			limit: 1
		});
		expect(entry?.detail).toMatchObject({
			key: 'POST',
			reason: 'role leadership may not use POST /api/v1/cases/[id]/reassign'
		});
	});

	it('a successful consequential request is audited by the gate', async () => {
		await gate({
			routeId: '/api/v1/cases/[id]/reassign',
			key: 'POST',
			cookies: { [SESSION_COOKIE]: sessions.get('team_lead')! }
		});
		const [entry] = await searchAudit(server.container.database.db, {
			action: 'case.reassign',
			limit: 1
		});
		expect(entry).toMatchObject({
			outcome: 'ok',
			actor: expect.stringContaining('team_lead@gate.test')
		});
	});
});

/**
 * Hard facts of issue 5 §2, written out by hand — NOT derived from rules.ts — so a wrong grant in
 * the declaration (leadership given a POST, a supervisor given reassignment, …) fails here even
 * though the generated table above would follow the declaration. Every row names a route and
 * key that must be declared, so a rename cannot make a "refused" row pass by default denial.
 */
describe('hard facts, written by hand (independent of the declaration)', () => {
	type Who = Role | 'display';
	type By = 'session' | 'token';
	const REASSIGN_KEYS: [string, RuleKey][] = [
		['/api/v1/cases/[id]/reassign', 'POST'],
		['/api/v1/cases/reassign', 'POST'],
		['/cases', 'action:reassign'],
		['/cases/[id]', 'action:reassign']
	];
	const ADMIN_FORMS: [string, RuleKey][] = [
		['/admin/calendars', 'action:save'],
		['/admin/sla', 'action:save'],
		['/admin/teams', 'action:team'],
		['/admin/teams', 'action:agent'],
		['/admin/users', 'action:create'],
		['/admin/users', 'action:update'],
		['/admin/users', 'action:signout'],
		['/admin/keys', 'action:ingest'],
		['/admin/keys', 'action:revokeIngest'],
		['/admin/keys', 'action:token'],
		['/admin/keys', 'action:revokeToken'],
		['/admin/keys', 'action:display'],
		['/admin/keys', 'action:revokeDisplay'],
		['/admin/sources', 'action:quiet'],
		['/admin/sources', 'action:reprocess'],
		['/admin/dead-letters', 'action:reprocess']
	];
	const ADMIN_PAGES = [
		'/admin/calendars',
		'/admin/sla',
		'/admin/teams',
		'/admin/sources',
		'/admin/dead-letters',
		'/admin/users',
		'/admin/keys',
		'/admin/audit'
	];
	/** Anyone reaches these (sign-in, health, reference) or they authenticate themselves. */
	const OPEN_TO_ALL = new Set([
		'/login GET',
		'/login action:default',
		'/api/health GET',
		'/api/v1/reference GET',
		'/api/v1/events POST',
		'/api/v1/webhooks/whatsapp GET',
		'/api/v1/webhooks/whatsapp POST',
		'/api/v1/webhooks/chatwoot POST'
	]);
	/** Every signed-in user may sign themselves out. */
	const OWN_ACCOUNT = new Set(['/account action:signout', '/account action:everywhere']);
	/** All a wall display may reach besides OPEN_TO_ALL: the home page (sends it to its wall),
	 * the wall, and the wall's breach list. */
	const DISPLAY_ONLY = new Set(['/ GET', '/wall GET', '/api/v1/wall/breaches GET']);

	const facts: { who: Who; by: By; routeId: string; key: RuleKey; allowed: boolean }[] = [
		{ who: 'leadership', by: 'session', routeId: '/trends', key: 'GET', allowed: true },
		{ who: 'leadership', by: 'session', routeId: '/api/v1/trends', key: 'GET', allowed: true },
		{ who: 'leadership', by: 'token', routeId: '/api/v1/trends', key: 'GET', allowed: true },
		{ who: 'leadership', by: 'session', routeId: '/admin/sla', key: 'GET', allowed: true },
		...REASSIGN_KEYS.flatMap(([routeId, key]) =>
			(['session', 'token'] as By[]).map((by) => ({
				who: 'leadership' as Who,
				by,
				routeId,
				key,
				allowed: false
			}))
		),
		...ADMIN_FORMS.map(([routeId, key]) => ({
			who: 'leadership' as Who,
			by: 'session' as By,
			routeId,
			key,
			allowed: false
		})),
		{ who: 'supervisor', by: 'session', routeId: '/cases', key: 'GET', allowed: true },
		...REASSIGN_KEYS.map(([routeId, key]) => ({
			who: 'supervisor' as Who,
			by: 'session' as By,
			routeId,
			key,
			allowed: false
		})),
		...ADMIN_PAGES.map((routeId) => ({
			who: 'agent' as Who,
			by: 'session' as By,
			routeId,
			key: 'GET' as RuleKey,
			allowed: false
		})),
		...ADMIN_FORMS.map(([routeId, key]) => ({
			who: 'agent' as Who,
			by: 'session' as By,
			routeId,
			key,
			allowed: false
		})),
		{ who: 'team_lead', by: 'session', routeId: '/admin/sla', key: 'GET', allowed: false },
		{ who: 'team_lead', by: 'session', routeId: '/admin/sla', key: 'action:save', allowed: false },
		{
			who: 'team_lead',
			by: 'session',
			routeId: '/api/v1/cases/[id]/reassign',
			key: 'POST',
			allowed: true
		},
		{ who: 'display', by: 'session', routeId: '/wall', key: 'GET', allowed: true },
		{ who: 'display', by: 'session', routeId: '/cases', key: 'GET', allowed: false },
		{ who: 'display', by: 'session', routeId: '/api/v1/metrics', key: 'GET', allowed: false },
		{ who: 'display', by: 'session', routeId: '/trends', key: 'GET', allowed: false }
	];

	/** A request on data inside every scope here (province 61, the Kalbar case). */
	function call(who: Who, by: By, routeId: string, key: RuleKey): Call {
		const credentials: Partial<Call> =
			who === 'display'
				? { cookies: { [DISPLAY_COOKIE]: display } }
				: by === 'token'
					? { headers: { authorization: `Bearer ${tokens.get(who)}` } }
					: { cookies: { [SESSION_COOKIE]: sessions.get(who)! } };
		return {
			routeId,
			key,
			// A wall's place in the query; a form action's name takes the query's place.
			path: key.startsWith('action:') ? '/x' : '/x?province=61',
			params: { id: kalbarCase.id },
			body: key.startsWith('action:')
				? new URLSearchParams([['case', `${kalbarCase.id}|1|K-x`]])
				: { items: [{ caseId: kalbarCase.id, expectedVersion: 0 }], ...aCaseBody() },
			...credentials
		};
	}
	const declared = (routeId: string, key: RuleKey) =>
		Boolean(ROUTES[routeId]?.rules[key as keyof RouteRulesOf]);
	type RouteRulesOf = (typeof ROUTES)[string]['rules'];
	const allKeys = Object.entries(ROUTES).flatMap(([routeId, { rules }]) =>
		Object.keys(rules).map((key) => ({ routeId, key: key as RuleKey }))
	);

	it.each(facts)('$who ($by) $key $routeId → allowed $allowed', async (f) => {
		expect(declared(f.routeId, f.key), `${f.key} ${f.routeId} is declared`).toBe(true);
		const r = await gate(call(f.who, f.by, f.routeId, f.key));
		expect(r.reached, `reached (status ${r.status})`).toBe(f.allowed);
		if (!f.allowed) expect([401, 403]).toContain(r.status);
	});

	it('leadership changes nothing: no POST, PUT, DELETE or form action, by session or token', async () => {
		const changes = allKeys.filter(({ key }) => key !== 'GET');
		expect(changes.length).toBeGreaterThan(30);
		for (const { routeId, key } of changes) {
			const name = `${routeId} ${key}`;
			if (OPEN_TO_ALL.has(name)) continue;
			const bySession = await gate(call('leadership', 'session', routeId, key));
			expect(bySession.reached, `leadership session: ${key} ${routeId}`).toBe(
				OWN_ACCOUNT.has(name)
			);
			const byToken = await gate(call('leadership', 'token', routeId, key));
			expect(byToken.reached, `leadership API token: ${key} ${routeId}`).toBe(false);
		}
	});

	it('an agent reaches nothing under /admin or /api/v1/admin', async () => {
		const admin = allKeys.filter(
			({ routeId }) => routeId.startsWith('/admin/') || routeId.startsWith('/api/v1/admin/')
		);
		for (const page of ADMIN_PAGES) expect(admin.map((a) => a.routeId)).toContain(page);
		for (const { routeId, key } of admin) {
			const r = await gate(call('agent', 'session', routeId, key));
			expect(r.reached, `agent: ${key} ${routeId}`).toBe(false);
		}
	});

	it('a wall display token reaches the wall and nothing else', async () => {
		for (const { routeId, key } of allKeys) {
			const name = `${routeId} ${key}`;
			const r = await gate(call('display', 'session', routeId, key));
			expect(r.reached, `display: ${key} ${routeId}`).toBe(
				DISPLAY_ONLY.has(name) || OPEN_TO_ALL.has(name)
			);
		}
	});
});
