/**
 * A breach reaches the wall within 2 seconds of its due instant (issue 3 §Alerts, sla.md
 * §States): real timers, a first-response target of 3 seconds on the 24/7 calendar, a wall
 * client that sees the `wall:breach` ticker fact and the breached count change; the count is
 * the work queue's (the engine and the scheduler share the evaluator and the policy).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WallBreachV1 } from '../../src/lib/contracts/socket';
import { api, createCase, fastPolicy } from './cases-client';
import { startTestServer, type TestServer } from './harness';
import { LiveClient } from './live-client';

describe('breaches on the wall', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer('pglite');
	});
	afterAll(async () => {
		await server?.close();
	});

	it('shows a breach within 2 s of its due instant, with no personal data', async () => {
		await fastPolicy(server.url, 'informasi_umum', 0.05, 100_000);
		const wall = new LiveClient(server.client(), { province: '61', issueType: null });
		const ticker: { fact: WallBreachV1; at: number }[] = [];
		wall.socket.on('wall:breach', (fact) => ticker.push({ fact, at: Date.now() }));
		await wall.subscribe();
		const before = wall.view!.today.cases.breached;

		const kase = await createCase(server.url, { issueType: 'informasi_umum' });
		const due = Date.parse(kase.sla.firstResponse.dueAt!);
		await wall.until((v) => v.today.cases.atRisk === 1, 5000);
		await wall.until((v) => v.today.cases.breached === before + 1, 6000);
		const countedAt = Date.now();
		expect(countedAt - due).toBeLessThan(2000);

		expect(ticker).toHaveLength(1);
		const { fact, at } = ticker[0]!;
		expect(at - due).toBeLessThan(2000);
		expect(fact).toMatchObject({
			number: kase.number,
			province: '61',
			issueType: 'informasi_umum',
			target: 'firstResponse',
			at: kase.sla.firstResponse.dueAt
		});
		expect(Object.keys(fact).sort()).toEqual(
			[
				'asOf',
				'at',
				'caseId',
				'issueType',
				'lateBySeconds',
				'number',
				'province',
				'seq',
				'target'
			].sort()
		);

		const queue = (await api(server.url, 'GET', '/api/v1/cases?province=61&state=breached')).body;
		expect(queue.total).toBe(wall.view!.today.cases.breached);
	});

	it('a breach outside the scope is not on that wall', async () => {
		const wall = new LiveClient(server.client(), { province: '32', issueType: null });
		const ticker: WallBreachV1[] = [];
		wall.socket.on('wall:breach', (fact) => ticker.push(fact));
		await wall.subscribe();
		const kase = await createCase(server.url, { issueType: 'informasi_umum' });
		await new Promise((r) =>
			setTimeout(r, Date.parse(kase.sla.firstResponse.dueAt!) - Date.now() + 1500)
		);
		expect(ticker).toEqual([]);
	});
});
