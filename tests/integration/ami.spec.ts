/**
 * Issue 4 §1 end to end on PGlite and PostgreSQL: Sigap's AMI client against a fake Asterisk (node:net on
 * 127.0.0.1) that answers QueueStatus from the recorded panoramisk session and replays the
 * recorded agent sessions. The recordings hold no caller traffic, so the callers below are
 * Asterisk 13 QueueCallerJoin/Leave/AgentConnect/AgentComplete events written for the test.
 * The PBX goes down mid-call and comes back: the caller still waiting is counted once and
 * leaves the queue correctly; one who left during the outage is not left waiting. The same
 * call then read from queue_log is one contact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQueueLog } from '../../src/lib/server/ingest/queue-log/parse';
import { listDeadLetters } from '../../src/lib/server/repositories/dead-letter.repository';
import { upsertQueue } from '../../src/lib/server/repositories/reference.repository';
import { FakeAmi, recordedEvents, recording } from '../support/fake-ami';
import { amiSettled, startAmiTestServer } from './ami-server';
import { startTestServer, type TestServer } from './harness';
import { until } from '../support/until';

const QUEUE = 'kopdes-lahan';
const T0 = Math.floor(Date.now() / 1000) - 120;
const C1 = `${T0}.101`;
const C2 = `${T0}.102`;

describe.each(['pglite', 'postgres'] as const)(
	'AMI live on %s: reconnect and reconciliation (fake Asterisk)',
	(kind) => {
		let fake: FakeAmi;
		let server: TestServer;
		const ami = () => server.container.channels.ami!;
		const calls = async () =>
			(await fetch(`${server.url}/api/v1/metrics?queue=${QUEUE}`).then((r) => r.json())).calls;
		const total = async () =>
			(await fetch(`${server.url}/api/v1/metrics`).then((r) => r.json())).calls;
		const settled = () => amiSettled(server);

		beforeAll(async () => {
			fake = await FakeAmi.start();
			await fake.down(); // the PBX is not up yet: Sigap retries with backoff
			server = await startAmiTestServer(kind, fake);
			const db = server.container.database.db;
			for (const name of ['xxxxxxxxxxxxxxxx-tous', 'general_queue', 'maisonvoyance-tous'])
				await upsertQueue(db, { name, label: name, issueTypeCode: 'informasi_umum' });
			await fake.listen();
			await until('the first reconciliation', () => ami().status().lastReconciledAt !== null);
			await settled();
		});
		afterAll(async () => {
			await server?.close();
			await fake?.close();
		});

		it('logs in, asks QueueStatus, and logs the recorded members in (Agent/999 paused)', async () => {
			expect(fake.actions.map((a) => a.fields[0]![1]).slice(0, 2)).toEqual([
				'Login',
				'QueueStatus'
			]);
			expect((await total()).agents).toMatchObject({ loggedIn: 6, paused: 1 });
		});

		it('replays the recorded agent sessions (a queue new to Sigap is registered, not lost)', async () => {
			fake.replay(recordedEvents(recording('agent_loggued_in')));
			fake.replay(recordedEvents(recording('agent_not_in_pause')));
			await settled();
			// 401 and 402 join; 999, paused in one queue, is unpaused in the others: not paused overall.
			expect((await total()).agents).toMatchObject({ loggedIn: 8, paused: 0 });
			expect(server.container.queues.map((q) => q.name)).toContain('xxxxxxxxxxxx-tous');
			expect(await listDeadLetters(server.container.database.db, { source: 'ami:test' })).toEqual(
				[]
			);
		});

		it('keeps an event the ingest validation rejects as a dead letter, with the AMI frame', async () => {
			fake.event(
				'Event: UserEvent',
				'UserEvent: SIGAP_IVR',
				`Uniqueid: ${T0}.999`,
				'Province: 99',
				'IssueType: kopdes_lahan'
			);
			await settled();
			const [letter] = await listDeadLetters(server.container.database.db, {
				source: 'ami:test',
				limit: 1
			});
			expect(letter).toMatchObject({
				reason: expect.stringMatching(
					/^call\.classified rejected: province: "99" is not one of the 38 BPS province codes/
				),
				payload: expect.stringContaining('UserEvent: SIGAP_IVR')
			});
		});

		it('keeps a broken frame as a dead letter and goes on', async () => {
			fake.send('Event: QueueCallerJoin\r\nthis is not a field\r\n\r\n');
			await settled();
			const [letter] = await listDeadLetters(server.container.database.db, {
				source: 'ami:test',
				limit: 1
			});
			expect(letter).toMatchObject({
				reason: expect.stringContaining('broken AMI frame: line 2'),
				payload: expect.stringContaining('this is not a field')
			});
			expect(ami().status().connected).toBe(true);
		});

		it('counts two waiting callers', async () => {
			for (const [uid, s] of [
				[C1, 0],
				[C2, 5]
			] as const) {
				fake.event(
					'Event: QueueCallerJoin',
					`Queue: ${QUEUE}`,
					`Uniqueid: ${uid}`,
					'CallerIDNum: 081234567890',
					'Position: 1',
					`Timestamp: ${T0 + s}.000000`
				);
			}
			await settled();
			expect(await calls()).toMatchObject({ waitingNow: 2, offered: 0 });
		});

		it('after a PBX restart: the caller still waiting is counted once, the one gone is no longer waiting', async () => {
			await fake.down();
			await until('the disconnect', () => !ami().status().connected);
			fake.waiting = [{ queue: QUEUE, uniqueid: C1, wait: 90, caller: '081234567890' }];
			await fake.listen();
			await until(
				'the second reconciliation',
				() => ami().status().logins === 2 && ami().status().lastReconciledAt !== null
			);
			await until('reconciled', async () => (await calls()).waitingNow === 1);
			expect(await calls()).toMatchObject({ waitingNow: 1, offered: 1, exited: 1, answered: 0 });
		});

		it('the waiting caller then leaves the queue by being answered, and completes', async () => {
			const at = (s: number) => `Timestamp: ${T0 + s}.000000`;
			fake.event('Event: QueueCallerLeave', `Queue: ${QUEUE}`, `Uniqueid: ${C1}`, at(100));
			fake.event(
				'Event: AgentConnect',
				`Queue: ${QUEUE}`,
				`Uniqueid: ${C1}`,
				'MemberName: PJSIP/1001',
				'Interface: PJSIP/1001',
				'HoldTime: 100',
				'RingTime: 2',
				at(100)
			);
			fake.event(
				'Event: AgentComplete',
				`Queue: ${QUEUE}`,
				`Uniqueid: ${C1}`,
				'MemberName: PJSIP/1001',
				'HoldTime: 100',
				'TalkTime: 10',
				'Reason: caller',
				at(110)
			);
			await settled();
			expect(await calls()).toMatchObject({
				waitingNow: 0,
				offered: 2,
				answered: 1,
				exited: 1,
				asa: 100
			});
		});

		it('the same call read from queue_log under the same source is one contact', async () => {
			const log = [
				`${T0}|${C1}|${QUEUE}|NONE|ENTERQUEUE||081234567890|1`,
				`${T0 + 100}|${C1}|${QUEUE}|PJSIP/1001|CONNECT|100|${T0 + 98}.7|2`,
				`${T0 + 110}|${C1}|${QUEUE}|PJSIP/1001|COMPLETECALLER|100|10|1`
			].join('\n');
			const events = parseQueueLog(`${log}\n`, { format: 'native' }).events.map((e) => e.event);
			const answer = await server.post(events);
			expect(answer.body).toMatchObject({ accepted: 0, duplicates: 3 });
			expect(await calls()).toMatchObject({ offered: 2, answered: 1, waitingNow: 0 });
		});
	}
);

describe('AMI login refused', () => {
	it('is logged and retried with backoff until the PBX accepts', async () => {
		const fake = await FakeAmi.start();
		fake.refuseLogin = true;
		const server = await startTestServer('pglite', undefined, {
			env: {
				SIGAP_AMI_ENABLED: 'true',
				SIGAP_AMI_HOST: '127.0.0.1',
				SIGAP_AMI_PORT: String(fake.port),
				SIGAP_AMI_USER: 'sigap',
				SIGAP_AMI_SECRET: 'wrong'
			},
			tuning: { ami: { backoff: { initialMs: 20, maxMs: 80 } } }
		});
		try {
			const logins = () => fake.actions.filter((a) => a.fields[0]![1] === 'Login').length;
			await until('three refused logins', () => logins() >= 3);
			expect(server.container.channels.ami!.status()).toMatchObject({
				connected: false,
				logins: 0
			});
			fake.refuseLogin = false;
			await until('a login', () => server.container.channels.ami!.status().connected);
			expect(server.container.channels.ami!.status().logins).toBe(1);
		} finally {
			await server.close();
			await fake.close();
		}
	});
});
