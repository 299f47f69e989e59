/**
 * The ingest API's bad-input contract: every bad input gets a clear, specific error, a bad
 * event never spoils the good ones in its batch, and nothing accepted is lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAbandoned, callEntered, caseOpened } from '../builders/wire-events';
import { startTestServer, type TestServer } from './harness';

describe('POST /api/v1/events', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer('pglite');
	});
	afterAll(async () => {
		await server?.close();
	});

	const raw = (body: string, headers: Record<string, string> = {}) =>
		fetch(`${server.url}/api/v1/events`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				authorization: `Bearer ${server.key}`,
				...headers
			},
			body
		}).then(async (r) => ({ status: r.status, body: await r.json() }));

	it('refuses a missing or wrong key', async () => {
		expect((await raw('{"events":[]}', { authorization: '' })).body.error.code).toBe('missing_key');
		const wrong = await raw('{"events":[]}', { authorization: 'Bearer sgk_nope' });
		expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'invalid_key' } } });
	});

	it.each([
		['malformed JSON', '{"events": [', 400, 'malformed_json'],
		['not an object', '[1,2]', 400, 'invalid_batch'],
		['empty batch', '{"events": []}', 400, 'invalid_batch'],
		['unknown top-level field', '{"events": [{}], "foo": 1}', 400, 'invalid_batch'],
		[
			'oversized batch',
			JSON.stringify({ events: Array.from({ length: 1001 }, () => ({})) }),
			413,
			'batch_too_large'
		]
	])('answers %s with a specific error', async (_name, body, status, code) => {
		const answer = await raw(body);
		expect(answer.status).toBe(status);
		expect(answer.body.error.code).toBe(code);
		expect(answer.body.error.message.length).toBeGreaterThan(5);
	});

	it('keeps the good events of a batch with bad ones, each bad one with its reason', async () => {
		const now = Date.now();
		const good = callEntered({ at: now - 60_000, province: '61' });
		const answer = await server.post([
			good,
			{ id: 'x1', type: 'call.teleported', at: new Date(now).toISOString() },
			{ ...callEntered({ at: now }), queue: 42 },
			callEntered({ at: now + 3600_000 }),
			callEntered({ at: now, queue: 'no such queue!' }),
			{ ...caseOpened({ at: now }), province: '99' },
			{ ...callEntered({ at: now }), at: '2026-03-24 17:30' },
			{ ...callEntered({ at: now }), at: '1900-01-01T00:00:00Z' },
			caseOpened({ at: now - 1000 })
		]);
		expect(answer.status).toBe(200);
		expect(answer.body).toMatchObject({ accepted: 2, rejected: 7, duplicates: 0 });
		const reasons = answer.body.results.map(
			(r: { problems?: { path: string; message: string }[] }) =>
				r.problems?.map((p) => `${p.path}: ${p.message}`).join('; ')
		);
		expect(reasons[1]).toMatch(/type/);
		expect(reasons[2]).toMatch(/^queue: .*string/);
		expect(reasons[3]).toMatch(/^at: is in the future/);
		expect(reasons[4]).toMatch(/unknown queue "no such queue!"/);
		expect(reasons[5]).toMatch(/^province: "99" is not one of the 38/);
		expect(reasons[6]).toMatch(/^at: must be an ISO 8601 instant/);
		expect(reasons[7]).toMatch(/^at: is before 2000-01-01/);
		const figures = await fetch(`${server.url}/api/v1/metrics`).then((r) => r.json());
		expect(figures.calls.waitingNow).toBeGreaterThanOrEqual(1);
		expect(figures.cases.opened).toBeGreaterThanOrEqual(1);
	});

	it('counts a call on a queue never configured under issue type unknown, with a warning', async () => {
		const now = Date.now();
		const first = callEntered({ at: now - 5000, queue: 'NEWQ', province: '61' });
		const answer = await server.post([first, callEntered({ at: now - 4000, queue: 'NEWQ' })]);
		expect(answer.body).toMatchObject({ accepted: 2, rejected: 0 });
		expect(answer.body.results[0].warnings[0]).toMatchObject({
			path: 'queue',
			message: expect.stringMatching(
				/queue "NEWQ" was not registered: added with issue type "unknown"/
			)
		});
		const later = await server.post([callEntered({ at: now - 3000, queue: 'NEWQ' })]);
		expect(later.body.results[0].warnings).toBeUndefined();
		const metrics = await fetch(`${server.url}/api/v1/metrics?queue=NEWQ&issueType=unknown`).then(
			(r) => r.json()
		);
		expect(metrics.calls.waitingNow).toBe(3);
	});

	it('stores the same source event once, in and across batches', async () => {
		const now = Date.now();
		const entered = callEntered({ at: now - 30_000 });
		const abandon = callAbandoned({ callId: entered.callId, at: now - 1000, waitSeconds: 29 });
		const first = await server.post([entered, entered, abandon]);
		expect(first.body).toMatchObject({ accepted: 2, duplicates: 1 });
		const again = await server.post([entered, abandon]);
		expect(again.body).toMatchObject({ accepted: 0, duplicates: 2 });
		const before = await fetch(`${server.url}/api/v1/metrics`).then((r) => r.json());
		await server.post([abandon]);
		const after = await fetch(`${server.url}/api/v1/metrics`).then((r) => r.json());
		expect(after.calls.abandoned).toBe(before.calls.abandoned);
	});
});

describe('GET /api/v1/metrics query errors', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer('pglite');
	});
	afterAll(async () => {
		await server?.close();
	});

	it.each([
		['from=2026-03-25&to=2026-03-24', /to must be after from/],
		['from=yesterday', /from: "yesterday" is not a date/],
		['from=2020-01-01&to=2026-01-01', /range longer than/],
		['province=Kalbar', /province/],
		['channel=fax', /channel/],
		['colour=red', /colour|unrecognized/i],
		['province=99', /province: "99" is not one of the 38/],
		['issueType=zzz', /unknown issue type "zzz"/],
		['queue=NOPE', /unknown queue "NOPE"/],
		['province=61&province=62', /province: given more than once/]
	])('%s → 400', async (query, message) => {
		const response = await fetch(`${server.url}/api/v1/metrics?${query}`);
		expect(response.status).toBe(400);
		expect((await response.json()).error.message).toMatch(message);
	});
});
