/**
 * Issue 4 §1, the outages ami.spec.ts does not cover, on PGlite and PostgreSQL against the
 * fake Asterisk: the link drops while a caller TALKS to an agent (after AgentConnect) and the
 * PBX comes back with the call over, or still going; and AMI with queue_log for the same PBX
 * when reconciliation stored an exit under `…:reconciled` and queue_log's real end of the same
 * call arrives after it, or before it. Each call is one contact: its counts and waits equal
 * those of the same call read from queue_log alone (another queue, the same timings), in the
 * live engine and in an engine rebuilt from the store. Last, an agent pause reported by AMI
 * without `Timestamp` and by queue_log one second apart is one paused agent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQueueLog } from '../../src/lib/server/ingest/queue-log/parse';
import { FakeAmi } from '../support/fake-ami';
import { amiSettled, startAmiTestServer } from './ami-server';
import type { TestServer } from './harness';
import { until } from '../support/until';

const T0 = Math.floor(Date.now() / 1000) - 600;
const at = (s: number) => `Timestamp: ${T0 + s}.000000`;
/** Fields the spec defines per call; `agents` and `longestWaitNow` are checked on their own. */
const FIGURES = [
	'offered',
	'answered',
	'answeredWithinThreshold',
	'abandoned',
	'shortAbandons',
	'exited',
	'serviceLevel',
	'abandonRate',
	'asa',
	'aht',
	'ahtIsTalkOnly',
	'waitingNow'
] as const;

describe.each(['pglite', 'postgres'] as const)('AMI outages on %s (fake Asterisk)', (kind) => {
	let fake: FakeAmi;
	let server: TestServer;
	const ami = () => server.container.channels.ami!;
	/** Figures of the live engine (today), or of an engine rebuilt from the store (3 days). */
	const metrics = async (query: string, fromStore = false) => {
		const from = fromStore ? `&from=${new Date(Date.now() - 72 * 3600_000).toISOString()}` : '';
		const res = await fetch(`${server.url}/api/v1/metrics?${query}${from}`);
		expect(res.status).toBe(200);
		return (await res.json()).calls;
	};
	const figures = async (queue: string, fromStore = false) => {
		const c = await metrics(`queue=${queue}`, fromStore);
		return Object.fromEntries(FIGURES.map((k) => [k, c[k]]));
	};
	const settled = () => amiSettled(server);
	/** The PBX restarts; QueueStatus then answers with `waiting` and `members`. */
	const restart = async (
		waiting: FakeAmi['waiting'],
		members: FakeAmi['members'],
		during?: () => Promise<void>
	) => {
		const logins = ami().status().logins;
		const reconciled = ami().status().lastReconciledAt;
		await fake.down();
		await until('the disconnect', () => !ami().status().connected);
		await during?.();
		fake.waiting = waiting;
		fake.members = members;
		await fake.listen();
		await until(
			'the reconciliation',
			() => ami().status().logins === logins + 1 && ami().status().lastReconciledAt !== reconciled
		);
		await settled();
	};
	const queueLog = async (lines: string[]) => {
		const events = parseQueueLog(`${lines.join('\n')}\n`, { format: 'native' }).events.map(
			(e) => e.event
		);
		const answer = await server.post(events);
		expect(answer.status).toBeLessThan(300);
		return answer.body as { accepted: number; duplicates: number };
	};
	const join = (queue: string, uid: string, s: number) =>
		fake.event(
			'Event: QueueCallerJoin',
			`Queue: ${queue}`,
			`Uniqueid: ${uid}`,
			'CallerIDNum: 081234567890',
			'Position: 1',
			at(s)
		);
	const connect = (queue: string, uid: string, agent: string, hold: number, s: number) => {
		fake.event('Event: QueueMemberAdded', `Queue: ${queue}`, `MemberName: ${agent}`, at(0));
		fake.event('Event: QueueCallerLeave', `Queue: ${queue}`, `Uniqueid: ${uid}`, at(s));
		fake.event(
			'Event: AgentConnect',
			`Queue: ${queue}`,
			`Uniqueid: ${uid}`,
			`MemberName: ${agent}`,
			`Interface: ${agent}`,
			`HoldTime: ${hold}`,
			'RingTime: 2',
			at(s)
		);
	};

	beforeAll(async () => {
		fake = await FakeAmi.start();
		server = await startAmiTestServer(kind, fake);
		await until('the first reconciliation', () => ami().status().lastReconciledAt !== null);
		await settled();
	});
	afterAll(async () => {
		await server?.close();
		await fake?.close();
	});

	describe('the link drops while the caller talks to an agent', () => {
		it('the call ended during the outage (QueueStatus: the agent free, no caller): answered once, agent free again', async () => {
			const Q = 'talk-ended';
			const uid = `${T0}.201`;
			join(Q, uid, 0);
			connect(Q, uid, 'PJSIP/2001', 8, 8);
			await settled();
			expect(await metrics(`queue=${Q}`)).toMatchObject({
				offered: 1,
				answered: 1,
				waitingNow: 0,
				agents: { onCall: 1 }
			});
			// The caller hangs up while Sigap cannot see: AgentComplete is never received.
			await restart([], [{ queue: Q, name: 'PJSIP/2001', inCall: false }]);
			for (const fromStore of [false, true]) {
				const c = await metrics(`queue=${Q}`, fromStore);
				expect(c).toMatchObject({
					offered: 1,
					answered: 1,
					abandoned: 0,
					shortAbandons: 0,
					exited: 0,
					waitingNow: 0,
					longestWaitNow: null,
					asa: 8,
					// talk time unknown: out of AHT, never the outage's length
					aht: null
				});
				expect(c.agents).toMatchObject({ loggedIn: 1, onCall: 0, available: 1 });
			}
			// queue_log's real end, read later, gives the talk time (and is still one call).
			const body = await queueLog([
				`${T0}|${uid}|${Q}|NONE|ENTERQUEUE||081234567890|1`,
				`${T0 + 8}|${uid}|${Q}|PJSIP/2001|CONNECT|8|${T0 + 7}.9|2`,
				`${T0 + 50}|${uid}|${Q}|PJSIP/2001|COMPLETECALLER|8|42|1`
			]);
			expect(body).toMatchObject({ accepted: 1, duplicates: 2 });
			for (const fromStore of [false, true])
				expect(await metrics(`queue=${Q}`, fromStore)).toMatchObject({
					offered: 1,
					answered: 1,
					exited: 0,
					asa: 8,
					aht: 42,
					agents: { onCall: 0 }
				});
		});

		it('the call is still going at reconnect (QueueStatus: the agent in call): still on call, then completes with its talk time', async () => {
			const Q = 'talk-going';
			const uid = `${T0}.202`;
			join(Q, uid, 0);
			connect(Q, uid, 'PJSIP/2002', 12, 12);
			await settled();
			await restart([], [{ queue: Q, name: 'PJSIP/2002', inCall: true }]);
			for (const fromStore of [false, true])
				expect(await metrics(`queue=${Q}`, fromStore)).toMatchObject({
					offered: 1,
					answered: 1,
					abandoned: 0,
					exited: 0,
					waitingNow: 0,
					asa: 12,
					aht: null,
					agents: { loggedIn: 1, onCall: 1 }
				});
			fake.event(
				'Event: AgentComplete',
				`Queue: ${Q}`,
				`Uniqueid: ${uid}`,
				'MemberName: PJSIP/2002',
				'HoldTime: 12',
				'TalkTime: 30',
				'Reason: agent',
				at(42)
			);
			await settled();
			for (const fromStore of [false, true])
				expect(await metrics(`queue=${Q}`, fromStore)).toMatchObject({
					offered: 1,
					answered: 1,
					abandoned: 0,
					exited: 0,
					waitingNow: 0,
					asa: 12,
					aht: 30,
					agents: { onCall: 0 }
				});
		});
	});

	describe('AMI and queue_log for the same PBX: a reconciled exit and the real end', () => {
		// Per case: an abandon (wait 30 s) and an answered call (wait 10 s, talk 60 s).
		const lines = (Q: string, a: string, b: string) => ({
			entered: [
				`${T0}|${a}|${Q}|NONE|ENTERQUEUE||081234567890|1`,
				`${T0 + 1}|${b}|${Q}|NONE|ENTERQUEUE||081298765432|2`
			],
			ends: [
				`${T0 + 30}|${a}|${Q}|NONE|ABANDON|1|1|30`,
				`${T0 + 11}|${b}|${Q}|PJSIP/3001|CONNECT|10|${T0 + 10}.5|1`,
				`${T0 + 71}|${b}|${Q}|PJSIP/3001|COMPLETEAGENT|10|60|2`
			]
		});
		const alone = lines('log-alone', `${T0}.301`, `${T0}.302`);
		let expected: Record<string, unknown>;

		beforeAll(async () => {
			await queueLog([...alone.entered, ...alone.ends]);
			expected = await figures('log-alone');
			// What queue_log alone gives, computed by hand: one abandon, one answer.
			expect(expected).toMatchObject({
				offered: 2,
				answered: 1,
				abandoned: 1,
				exited: 0,
				asa: 10,
				aht: 60,
				waitingNow: 0
			});
			expect(await figures('log-alone', true)).toEqual(expected);
		});

		it('reconciled exit first, queue_log end after: one call each, the figures of queue_log alone', async () => {
			const Q = 'reconciled-first';
			const [a, b] = [`${T0}.311`, `${T0}.312`];
			join(Q, a, 0);
			join(Q, b, 1);
			await settled();
			expect(await metrics(`queue=${Q}`)).toMatchObject({ waitingNow: 2, offered: 0 });
			// Both leave while Sigap cannot see; the PBX lists neither.
			await restart([], []);
			expect(await metrics(`queue=${Q}`)).toMatchObject({ waitingNow: 0, offered: 2, exited: 2 });
			const { ends } = lines(Q, a, b);
			expect(await queueLog([...lines(Q, a, b).entered, ...ends])).toMatchObject({
				accepted: 3,
				duplicates: 2
			});
			expect(await figures(Q)).toEqual(expected);
			expect(await figures(Q, true)).toEqual(expected);
			// Read again (a tail restart): nothing changes.
			expect(await queueLog(ends)).toMatchObject({ accepted: 0, duplicates: 3 });
			expect(await figures(Q)).toEqual(expected);
		});

		it('queue_log end first, then the reconciled exit: the same figures', async () => {
			const Q = 'log-first';
			const [a, b] = [`${T0}.321`, `${T0}.322`];
			join(Q, a, 0);
			join(Q, b, 1);
			await settled();
			const { entered, ends } = lines(Q, a, b);
			// queue_log tells the ends while AMI is away; reconciliation then has nothing to exit.
			await restart([], [], async () => {
				await queueLog([...entered, ...ends]);
			});
			expect(await figures(Q)).toEqual(expected);
			// The race the store cannot rule out (believed read before queue_log's end was stored):
			// the reconciled exits arrive after the real ends, and are outvoted by them.
			const now = new Date().toISOString();
			const reconciled = [a, b].map((uid) => ({
				id: `call:${uid}:${Q}:reconciled`,
				at: now,
				type: 'call.exited',
				callId: uid,
				queue: Q,
				reason: 'unknown'
			}));
			expect((await server.post(reconciled)).body).toMatchObject({ accepted: 2 });
			expect(await figures(Q)).toEqual(expected);
			expect(await figures(Q, true)).toEqual(expected);
			expect((await metrics(`queue=${Q}`)).agents).toMatchObject({ onCall: 0 });
		});
	});

	it('a pause seen by AMI without Timestamp and by queue_log one second earlier is one paused agent', async () => {
		const Q = 'pause-both';
		const s = Math.floor(Date.now() / 1000) - 1; // queue_log's second; AMI reads it now
		fake.event('Event: QueueMemberAdded', `Queue: ${Q}`, 'MemberName: PJSIP/4001', 'Paused: 0');
		fake.event(
			'Event: QueueMemberPause',
			`Queue: ${Q}`,
			'MemberName: PJSIP/4001',
			'Paused: 1',
			'PausedReason: Istirahat'
		);
		await settled();
		await queueLog([
			`${s - 1}|NONE|${Q}|PJSIP/4001|ADDMEMBER|`,
			`${s}|NONE|${Q}|PJSIP/4001|PAUSE|Istirahat`
		]);
		for (const fromStore of [false, true]) {
			const { agents } = await metrics(`queue=${Q}`, fromStore);
			expect(agents).toMatchObject({ loggedIn: 1, paused: 1, pausedByReason: { Istirahat: 1 } });
			expect((await metrics('', fromStore)).agents.pausedByReason.Istirahat).toBe(1);
		}
		// The unpause, AMI first this time, then queue_log a second earlier: not paused.
		fake.event('Event: QueueMemberPause', `Queue: ${Q}`, 'MemberName: PJSIP/4001', 'Paused: 0');
		await settled();
		await queueLog([`${Math.floor(Date.now() / 1000) - 1}|NONE|${Q}|PJSIP/4001|UNPAUSE|`]);
		for (const fromStore of [false, true]) {
			const { agents } = await metrics(`queue=${Q}`, fromStore);
			expect(agents).toMatchObject({ loggedIn: 1, paused: 0, available: 1 });
		}
	});
});
