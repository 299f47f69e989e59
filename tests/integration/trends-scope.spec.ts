/**
 * issue 6 "within the user's scope" (issue 5 scopes): requests go through the real request
 * gate (hooks.server.ts's handle) with real sessions and API tokens into the real SvelteKit
 * route modules — `GET /api/v1/trends`, `GET /trends/export`, `/trends/contacts` — on the test
 * server's container. A province-scoped supervisor or leadership user sees exactly its
 * provinces (the national answer narrowed, nothing else), and a 403 for a province outside.
 * A route reached without a principal fails closed: no data, never national.
 */
import { isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Container } from '../../src/lib/server/container';
import { parseCsv } from '../../src/lib/domain/export/csv';
import { wibMidnight } from '../../src/lib/domain/time/wib';
import { accessHandle } from '../../src/lib/server/http/access-handle';
import { placeCase } from '../../src/lib/server/services/access/case-scope';
import { SESSION_COOKIE } from '../../src/lib/server/services/access/sessions.service';
import { createApiToken } from '../../src/lib/server/services/access/tokens.service';
import { NO_SCOPE, trendScopeOf } from '../../src/lib/server/services/trends/scope';
import { postHistory } from '../support/post-history';
import { startTestServer, type TestServer } from './harness';
import { gateEvent } from './gate-event';

const holder = vi.hoisted(() => ({ container: null as Container | null }));
vi.mock('$lib/server/runtime', () => ({
	container: async () => holder.container!,
	runtime: async () => ({ container: holder.container! })
}));

const trendsApi = await import('../../src/routes/api/v1/trends/+server');
const trendsExport = await import('../../src/routes/trends/export/+server');
const contactsPage = await import('../../src/routes/trends/contacts/+page.server');

const ORIGIN = 'http://sigap.test';
const DAY = '2026-06-10';
const RANGE = `from=${DAY}&to=${DAY}`;

type Who = { session?: string; token?: string };
interface Answer {
	status: number;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	json: () => any;
	text: string;
}

let s: TestServer;
let handle: ReturnType<typeof accessHandle>;

/** The route module behind a route id, called the way SvelteKit would. */
async function route(routeId: string, event: RequestEvent): Promise<Response> {
	try {
		if (routeId === '/api/v1/trends') return await trendsApi.GET(event as never);
		if (routeId === '/trends/export') return await trendsExport.GET(event as never);
		if (routeId === '/trends/contacts') {
			const data = await contactsPage.load(event as never);
			return new Response(JSON.stringify(data), { status: 200 });
		}
	} catch (e) {
		if (isHttpError(e)) return new Response(JSON.stringify(e.body), { status: e.status });
		throw e;
	}
	throw new Error(`no route module for ${routeId}`);
}

function eventOf(routeId: string, path: string, who: Who): RequestEvent {
	const url = new URL(path, ORIGIN);
	const headers: Record<string, string> = { origin: ORIGIN };
	if (who.token) headers.authorization = `Bearer ${who.token}`;
	const cookies: Record<string, string> = who.session ? { [SESSION_COOKIE]: who.session } : {};
	return gateEvent(new Request(url, { headers }), routeId, { cookies });
}

/** One GET through the gate into the route module. */
async function get(routeId: string, path: string, who: Who): Promise<Answer> {
	let response: Response;
	try {
		response = await handle({
			event: eventOf(routeId, path, who),
			resolve: (event) => route(routeId, event)
		});
	} catch (e) {
		if (isRedirect(e)) return { status: e.status, json: () => null, text: e.location };
		throw e;
	}
	const text = await response.text();
	return { status: response.status, json: () => JSON.parse(text), text };
}

/** The route module called with no principal at all (no gate ran). */
async function ungated(routeId: string, path: string): Promise<Answer> {
	const event = eventOf(routeId, path, {});
	(event.locals as { principal: null }).principal = null;
	const response = await route(routeId, event);
	const text = await response.text();
	return { status: response.status, json: () => JSON.parse(text), text };
}

const who = {} as Record<'admin' | 'leader' | 'supervisor' | 'leaderToken', Who>;

beforeAll(async () => {
	vi.spyOn(console, 'warn').mockImplementation(() => {});
	const clock = { t: wibMidnight(DAY)! + 2 * 86_400_000, now: () => clock.t };
	s = await startTestServer('pglite', clock);
	holder.container = s.container;
	const c = s.container;
	handle = accessHandle(async () =>
		Object.assign({}, c, { placeCase: (id: string) => placeCase(c, id) })
	);
	await postHistory(s, {
		from: wibMidnight(DAY)!,
		days: 1,
		contactsPerDay: 240,
		seed: 5,
		until: clock.t
	});
	who.admin = { session: (await s.signIn('admin')).session };
	const leader = await s.signIn('leadership', { provinces: ['61'] });
	who.leader = { session: leader.session };
	who.supervisor = { session: (await s.signIn('supervisor', { provinces: ['32', '61'] })).session };
	const cli = { principal: null, address: null, name: 'cli:test' };
	who.leaderToken = {
		token: (await createApiToken(c, { user: leader.email, name: 'scope test' }, cli)).token
	};
}, 120_000);
afterAll(async () => {
	await s?.close();
});

interface Series {
	group: string;
	points: Record<string, number | null>[];
	total: Record<string, number | null>;
}

const API = `/api/v1/trends?${RANGE}&groupBy=province&measure=contacts,calls.offered,chats.sessions`;

describe('trends within a province scope, through the gate and the route modules', () => {
	it('GET /api/v1/trends: only the scope’s provinces, the national numbers narrowed', async () => {
		const national = await get('/api/v1/trends', API, who.admin);
		expect(national.status).toBe(200);
		const all = new Map<string, Series>(national.json().groups.map((g: Series) => [g.group, g]));
		expect(all.size).toBe(39); // 38 provinces and unknown
		expect(all.get('61')!.total.contacts).toBeGreaterThan(0);
		expect(all.get('32')!.total.contacts).toBeGreaterThan(0);
		for (const [user, provinces] of [
			[who.leader, ['61']],
			[who.leaderToken, ['61']],
			[who.supervisor, ['32', '61']]
		] as const) {
			const mine = await get('/api/v1/trends', API, user);
			expect(mine.status).toBe(200);
			const body = mine.json();
			expect(body.groups.map((g: Series) => g.group).sort()).toEqual([...provinces]);
			for (const g of body.groups as Series[]) expect(g).toMatchObject(all.get(g.group)!);
			for (const m of ['contacts', 'calls.offered', 'chats.sessions']) {
				const sum = provinces.reduce((n, p) => n + (all.get(p)!.total[m] ?? 0), 0);
				expect(body.total.total[m], m).toBe(sum);
			}
			// No grouping: still only the scope.
			const flat = await get('/api/v1/trends', `/api/v1/trends?${RANGE}&measure=contacts`, user);
			expect(flat.json().total.total.contacts).toBe(body.total.total.contacts);
		}
	});

	it('GET /api/v1/trends: a province outside the scope is a 403 naming it', async () => {
		const aceh = await get('/api/v1/trends', `${API}&province=11`, who.supervisor);
		expect(aceh.status).toBe(403);
		expect(aceh.json().error.message).toMatch(/province 11 is outside your scope/);
		const jabar = await get('/api/v1/trends', `${API}&province=32`, who.leaderToken);
		expect(jabar.status).toBe(403);
		const inside = await get('/api/v1/trends', `${API}&province=32`, who.supervisor);
		expect(inside.status).toBe(200);
		expect(inside.json().groups.map((g: Series) => g.group)).toEqual(['32']);
	});

	it('GET /trends/export (CSV): the scope’s rows only; outside: 403; supervisors: no exports', async () => {
		const path = `/trends/export?view=trend&format=csv&${RANGE}&granularity=day&groupBy=province&measure=contacts`;
		const national = await get('/trends/export', path, who.admin);
		expect(national.status).toBe(200);
		const all = parseCsv(national.text.replace(/^\ufeff/, ''));
		expect(all[0]).toEqual(['Periode', 'Mulai (WIB)', 'Kode', 'Provinsi', 'Total kontak']);
		const mine = await get('/trends/export', path, who.leader);
		expect(mine.status).toBe(200);
		const rows = parseCsv(mine.text.replace(/^\ufeff/, ''));
		expect(rows[0]).toEqual(all[0]);
		expect(rows.slice(1)).toEqual(all.slice(1).filter((r) => r[2] === '61'));
		expect(rows).toHaveLength(2);

		const ranking = `/trends/export?view=breakdown&format=csv&range=custom&${RANGE}&groupBy=province&measure=contacts`;
		const ranked = parseCsv(
			(await get('/trends/export', ranking, who.leader)).text.replace(/^\ufeff/, '')
		);
		const header = ranked.findIndex((r) => r[0] === 'Peringkat');
		expect(ranked.slice(header + 1).map((r) => r[1])).toEqual(['61']);

		const outside = await get('/trends/export', `${path}&province=32`, who.leader);
		expect(outside.status).toBe(403);
		expect(outside.text).toMatch(/province 32 is outside your scope/);
		// Exports are for administrators and leadership (access rules), whatever the scope.
		expect((await get('/trends/export', path, who.supervisor)).status).toBe(403);
	});

	it('/trends/contacts: the drill-down lists only the scope’s contacts; outside: 403', async () => {
		const path = `/trends/contacts?${RANGE}`;
		const national = await get('/trends/contacts', path, who.admin);
		expect(national.status).toBe(200);
		const all = national.json().list.rows as { province: string; id: string }[];
		expect(national.json().list.truncated).toBe(false);
		for (const [user, provinces] of [
			[who.leader, ['61']],
			[who.supervisor, ['32', '61']]
		] as const) {
			const mine = await get('/trends/contacts', path, user);
			expect(mine.status).toBe(200);
			const rows = mine.json().list.rows as { province: string; id: string }[];
			const expected = all.filter((r) => (provinces as readonly string[]).includes(r.province));
			expect(expected.length).toBeGreaterThan(0);
			expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
		}
		const inside = await get('/trends/contacts', `${path}&province=32`, who.supervisor);
		expect(inside.json().list.rows.every((r: { province: string }) => r.province === '32')).toBe(
			true
		);
		const outside = await get('/trends/contacts', `${path}&province=11`, who.supervisor);
		expect(outside.status).toBe(403);
		expect(outside.text).toMatch(/province 11 is outside your scope/);
		expect((await get('/trends/contacts', `${path}&province=32`, who.leader)).status).toBe(403);
	});

	it('nobody signed in: refused by the gate (401, or the sign-in redirect for pages)', async () => {
		expect((await get('/api/v1/trends', API, {})).status).toBe(401);
		expect((await get('/trends/export', `/trends/export?view=trend&${RANGE}`, {})).status).toBe(
			401
		);
		expect((await get('/trends/contacts', `/trends/contacts?${RANGE}`, {})).status).toBe(303);
	});

	it('a route reached without a principal fails closed: nothing, not the national figures', async () => {
		expect(trendScopeOf(null)).toEqual(NO_SCOPE);
		expect(trendScopeOf(undefined)).toEqual({ provinces: [], issueTypes: [] });
		const api = await ungated('/api/v1/trends', API);
		expect(api.status).toBe(200);
		expect(api.json().groups).toEqual([]);
		expect(api.json().total.total.contacts).toBe(0);
		expect((await ungated('/api/v1/trends', `${API}&province=61`)).status).toBe(403);
		const csv = await ungated(
			'/trends/export',
			`/trends/export?view=trend&format=csv&${RANGE}&groupBy=province&measure=contacts`
		);
		expect(parseCsv(csv.text.replace(/^\ufeff/, '')).slice(1)).toEqual([]);
		const list = await ungated('/trends/contacts', `/trends/contacts?${RANGE}`);
		expect(list.json().list.rows).toEqual([]);
	});
});
