/**
 * The in-app side of breach notifications (issue 3 §5) over real sockets on PGlite with a moved
 * clock: a breach at 02:00 on Saturday is on the wall at once, but `notification:delivered`
 * reaches the team lead's sockets (two tabs) only at Monday 07:30, the team's opening — and
 * never another team lead, a national supervisor or the wall display of the same province.
 */
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
	ClientToServerEvents,
	NotificationDeliveredV1,
	ServerToClientEvents,
	WallBreachV1
} from '../../src/lib/contracts/socket';
import { DISPLAY_COOKIE } from '../../src/lib/server/services/access/sessions.service';
import {
	createDisplayToken,
	exchangeDisplayToken
} from '../../src/lib/server/services/access/tokens.service';
import { FakeTimers } from '../support/fake-timers';
import { api, createCase, fastPolicy } from './cases-client';
import { startTestServer, type TestServer } from './harness';
import { until as waitUntil } from '../support/until';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const wib = (s: string) => Date.parse(`${s}+07:00`);
const cli = { principal: null, address: null, name: 'cli:test' };

/** What a socket was told, for the "nobody else" checks. */
function record(socket: Client) {
	const notes: NotificationDeliveredV1[] = [];
	const breaches: WallBreachV1[] = [];
	socket.on('notification:delivered', (n) => notes.push(n));
	socket.on('wall:breach', (b) => breaches.push(b));
	return { socket, notes, breaches };
}

const connected = (socket: Client) =>
	new Promise<void>((resolve, reject) => {
		if (socket.connected) return resolve();
		socket.once('connect', () => resolve());
		socket.once('connect_error', reject);
	});

const until = (check: () => boolean, what: string, ms = 3000) => waitUntil(what, check, ms);
/** Long enough for a wrongly sent packet on loopback to have arrived. */
const quiet = () => new Promise((r) => setTimeout(r, 200));

describe('notification:delivered at the business opening, to its recipient only', () => {
	const clock = new FakeTimers(wib('2026-03-06T22:00:00'));
	let server: TestServer;
	const settle = async () => {
		const { scheduler, notifier, inbox } = server.container.cases;
		await scheduler.idle();
		await notifier.idle();
		await inbox.idle();
	};

	beforeAll(async () => {
		server = await startTestServer('pglite', clock);
	});
	afterAll(async () => {
		await server?.close();
	});

	it('a 02:00 Saturday breach reaches the lead (agent 1001, the team lead) at Monday 07:30', async () => {
		await fastPolicy(server.url, 'usp_operasional', 240, 100_000);
		const kase = await createCase(server.url, { issueType: 'usp_operasional' });
		expect(kase.sla.firstResponse.dueAt).toBe('2026-03-07T02:00:00+07:00');

		const lead = await server.signIn('team_lead', { provinces: ['61'], agentId: '1001' });
		const otherLead = await server.signIn('team_lead', { provinces: ['61'], agentId: '1002' });
		const supervisor = await server.signIn('supervisor');
		const { token } = await createDisplayToken(
			server.container,
			{ name: 'Kalbar wall', province: '61' },
			cli
		);
		const opened = await exchangeDisplayToken(server.container, token, {
			address: '127.0.0.1',
			userAgent: null
		});
		if (!opened.ok) throw new Error('display exchange failed');

		const tabs = [
			record(server.client({ cookie: lead.cookie })),
			record(server.client({ cookie: lead.cookie }))
		];
		const others = [
			record(server.client({ cookie: otherLead.cookie })),
			record(server.client({ cookie: supervisor.cookie }))
		];
		const wall = record(server.client({ cookie: `${DISPLAY_COOKIE}=${opened.cookie}` }));
		const everyone = [...tabs, ...others, wall];
		await Promise.all(everyone.map((r) => connected(r.socket)));
		const ack = await wall.socket.emitWithAck('metrics:subscribe', { province: '61' });
		expect(ack.ok).toBe(true);

		// The breach is on the wall at its instant; the team lead hears nothing yet.
		await clock.advanceTo(wib('2026-03-07T03:00:00'), settle);
		await until(() => wall.breaches.length === 1, 'the wall breach');
		await clock.advanceTo(wib('2026-03-09T07:29:59'), settle);
		await quiet();
		expect(everyone.map((r) => r.notes.length)).toEqual([0, 0, 0, 0, 0]);

		await clock.advanceTo(wib('2026-03-09T07:30:00'), settle);
		await until(() => tabs.every((t) => t.notes.length === 1), 'both tabs of the lead');
		const fact = tabs[0]!.notes[0]!;
		expect(fact).toMatchObject({
			unread: 1,
			notification: {
				caseId: kase.id,
				caseNumber: kase.number,
				kind: 'sla.breached',
				province: '61',
				issueType: 'usp_operasional',
				target: 'firstResponse',
				breachedAt: '2026-03-07T02:00:00+07:00',
				deliverAt: '2026-03-09T07:30:00+07:00',
				readAt: null
			}
		});
		expect(fact.asOf).toBe('2026-03-09T07:30:00+07:00');
		await quiet();
		expect([...others, wall].map((r) => r.notes.length)).toEqual([0, 0, 0]);

		// Delivered once: later timers do not repeat it, and the API's list agrees with the push.
		await clock.advanceTo(wib('2026-03-09T09:00:00'), settle);
		await quiet();
		expect(tabs.map((t) => t.notes.length)).toEqual([1, 1]);
		const inbox = (await api(server.url, 'GET', '/api/v1/notifications?agent=1001')).body;
		expect(inbox).toMatchObject([{ id: fact.notification.id, caseNumber: kase.number }]);
	});
});
