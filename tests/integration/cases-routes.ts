/**
 * The harness's mirror of the cases API routes (src/routes/api/v1/{cases,agents,teams,admin,
 * notifications,wall}): the same service calls the SvelteKit `+server.ts` files make.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Container } from '../../src/lib/server/container';
import * as cases from '../../src/lib/server/services/cases';
import type { Answer } from '../../src/lib/server/services/cases';

type Handler = (
	c: Container,
	m: string[],
	q: URLSearchParams,
	body: () => unknown
) => Promise<Answer>;

const ok = (run: () => Promise<unknown>, status = 200) => cases.answerOf(run, status);
const withId = (body: unknown, id: string) => ({ ...(body as object), id });

const ROUTES: [string, RegExp, Handler][] = [
	['POST', /^\/api\/v1\/cases$/, (c, _, __, b) => ok(() => cases.createCase(c, b()), 201)],
	['GET', /^\/api\/v1\/cases$/, (c, _, q) => ok(() => cases.listCases(c, Object.fromEntries(q)))],
	['POST', /^\/api\/v1\/cases\/reassign$/, (c, _, __, b) => ok(() => cases.reassignCases(c, b()))],
	['GET', /^\/api\/v1\/cases\/([^/]+)$/, (c, m) => ok(() => cases.getCase(c, m[1]!))],
	[
		'POST',
		/^\/api\/v1\/cases\/([^/]+)\/reassign$/,
		(c, m, _, b) => ok(() => cases.reassignCase(c, m[1]!, b()))
	],
	[
		'POST',
		/^\/api\/v1\/cases\/([^/]+)\/status$/,
		(c, m, _, b) => ok(() => cases.changeCaseStatus(c, m[1]!, b()))
	],
	[
		'POST',
		/^\/api\/v1\/cases\/([^/]+)\/responses$/,
		(c, m, _, b) => ok(() => cases.respondToCase(c, m[1]!, b()))
	],
	['GET', /^\/api\/v1\/agents$/, (c) => ok(() => cases.listAgents(c))],
	['POST', /^\/api\/v1\/agents$/, (c, _, __, b) => ok(() => cases.createAgent(c, b()), 201)],
	[
		'PUT',
		/^\/api\/v1\/agents\/([^/]+)$/,
		(c, m, _, b) => ok(() => cases.saveAgent(c, withId(b(), m[1]!)))
	],
	['GET', /^\/api\/v1\/teams$/, (c) => ok(() => cases.listTeams(c))],
	['POST', /^\/api\/v1\/teams$/, (c, _, __, b) => ok(() => cases.createTeam(c, b()), 201)],
	[
		'PUT',
		/^\/api\/v1\/teams\/([^/]+)$/,
		(c, m, _, b) => ok(() => cases.saveTeam(c, withId(b(), m[1]!)))
	],
	['GET', /^\/api\/v1\/admin\/calendars$/, (c) => ok(() => cases.listCalendars(c))],
	[
		'PUT',
		/^\/api\/v1\/admin\/calendars\/([^/]+)$/,
		(c, m, _, b) => ok(() => cases.saveCalendar(c, withId(b(), m[1]!)))
	],
	['GET', /^\/api\/v1\/admin\/sla-policies$/, (c) => ok(() => cases.listSlaPolicies(c))],
	[
		'PUT',
		/^\/api\/v1\/admin\/sla-policies\/([^/]+)$/,
		(c, m, _, b) => ok(() => cases.saveSlaPolicy(c, withId(b(), m[1]!)))
	],
	[
		'DELETE',
		/^\/api\/v1\/admin\/sla-policies\/([^/]+)$/,
		(c, m) => ok(() => cases.retireSlaPolicy(c, m[1]!))
	],
	[
		'GET',
		/^\/api\/v1\/notifications$/,
		(c, _, q) => ok(() => cases.listNotifications(c, q.get('agent') ?? ''))
	],
	[
		'POST',
		/^\/api\/v1\/notifications\/(\d+)\/read$/,
		(c, m) => ok(() => cases.markNotificationRead(c, Number(m[1])))
	],
	[
		'GET',
		/^\/api\/v1\/wall\/breaches$/,
		(c, _, q) =>
			ok(() =>
				cases.recentBreaches(
					c,
					{ province: q.get('province'), issueType: q.get('issueType') },
					Number(q.get('limit') ?? 10)
				)
			)
	]
];

/** The answer for a cases route, or null when the path is not one of them. */
export async function casesRoute(
	c: Container,
	method: string,
	url: URL,
	body: string
): Promise<Answer | null> {
	for (const [m, pattern, handler] of ROUTES) {
		const match = m === method ? pattern.exec(url.pathname) : null;
		if (!match) continue;
		let parsed: unknown;
		try {
			parsed = body ? JSON.parse(body) : {};
		} catch {
			return {
				status: 400,
				body: { error: { code: 'invalid_payload', message: 'body: must be JSON', field: 'body' } }
			};
		}
		return handler(c, match, url.searchParams, () => parsed);
	}
	return null;
}

/** Only these routes over a container, on a loopback port (tests that build their own container). */
export async function serveCases(c: Container) {
	const server = http.createServer(async (req, res) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const url = new URL(req.url ?? '/', 'http://test');
		const body = Buffer.concat(chunks).toString();
		const answer = (await casesRoute(c, req.method ?? 'GET', url, body)) ?? {
			status: 404,
			body: {}
		};
		res
			.writeHead(answer.status, { 'content-type': 'application/json' })
			.end(JSON.stringify(answer.body));
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: () => new Promise<void>((r) => server.close(() => r()))
	};
}
