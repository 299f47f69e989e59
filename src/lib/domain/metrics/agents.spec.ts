import { describe, expect, it } from 'vitest';
import type { ContactEvent } from '../events';
import { MetricsEngine } from './engine';
import type { MetricsFilter } from './figures';
import {
	aCall,
	agentEvent as ag,
	HOUR,
	MINUTE,
	queue,
	testSettings,
	wib
} from '../../../../tests/builders/contact-events';

const T = wib('2026-03-25 09:00');
const settings = testSettings({
	queues: {
		lahan: queue({ issueType: 'kopdes_lahan' }),
		umum: queue(),
		pinjam: queue({ issueType: 'pinjaman' })
	}
});

function agents(events: ContactEvent[], filter: MetricsFilter = {}, now = T + HOUR) {
	const engine = new MetricsEngine(settings);
	for (const e of events) engine.apply(e);
	return engine.figures({ ...filter, from: T, to: now }, now).calls.agents;
}

const loginBoth = (id: string) => [
	ag('agent.logged_in', id, T, { queue: 'lahan' }),
	ag('agent.logged_in', id, T, { queue: 'umum' })
];

describe('agents (metrics.md §Calls, "agents")', () => {
	it('an agent in two queues counts once in totals and once per queue', () => {
		const events = [...loginBoth('1001'), ag('agent.logged_in', '1002', T, { queue: 'lahan' })];
		expect(agents(events)).toMatchObject({ loggedIn: 2, available: 2 });
		expect(agents(events, { queue: 'umum' })).toMatchObject({ loggedIn: 1, available: 1 });
		expect(agents(events, { queue: 'lahan' })).toMatchObject({ loggedIn: 2 });
	});

	it.each([
		{
			name: 'paused in all queues',
			extra: [ag('agent.paused', '1001', T + MINUTE, { reason: 'Lunch' })],
			paused: 1,
			available: 0,
			reasons: { Lunch: 1 }
		},
		{
			name: 'paused in one of two queues is still available',
			extra: [ag('agent.paused', '1001', T + MINUTE, { queue: 'lahan', reason: 'Lunch' })],
			paused: 0,
			available: 1,
			reasons: {}
		},
		{
			name: 'paused in each queue',
			extra: ['lahan', 'umum'].map((q) => ag('agent.paused', '1001', T + MINUTE, { queue: q })),
			paused: 1,
			available: 0,
			reasons: { unknown: 1 }
		},
		{
			name: 'unpaused after the pause',
			extra: [
				ag('agent.paused', '1001', T + MINUTE, { reason: 'Tea' }),
				ag('agent.unpaused', '1001', T + 2 * MINUTE)
			],
			paused: 0,
			available: 1,
			reasons: {}
		},
		{
			name: 'late pause arriving after the unpause',
			extra: [
				ag('agent.unpaused', '1001', T + 2 * MINUTE),
				ag('agent.paused', '1001', T + MINUTE, { reason: 'Tea' })
			],
			paused: 0,
			available: 1,
			reasons: {}
		}
	])('$name', ({ extra, paused, available, reasons }) => {
		const a = agents([...loginBoth('1001'), ...extra]);
		expect([a.paused, a.available, a.pausedByReason]).toEqual([paused, available, reasons]);
	});

	it('on call from connect until completion or transfer', () => {
		const base = [...loginBoth('1001')];
		const connected = aCall('c1').in('umum').enteredAt(T).answered(10, '1001').events();
		expect(agents([...base, ...connected])).toMatchObject({ loggedIn: 1, onCall: 1, available: 0 });
		const done = aCall('c1').in('umum').enteredAt(T).answered(10, '1001').completed(60).events();
		expect(agents([...base, ...done])).toMatchObject({ onCall: 0, available: 1 });
	});

	it('logged out (globally) is gone; a login after it brings the agent back', () => {
		const out = [...loginBoth('1001'), ag('agent.logged_out', '1001', T + MINUTE)];
		expect(agents(out).loggedIn).toBe(0);
		expect(agents([...out, ag('agent.logged_in', '1001', T + 2 * MINUTE)]).loggedIn).toBe(1);
	});

	it('issue-type filter counts members of queues serving it or serving no single type', () => {
		const events = [
			ag('agent.logged_in', 'a', T, { queue: 'lahan' }),
			ag('agent.logged_in', 'b', T, { queue: 'pinjam' }),
			ag('agent.logged_in', 'c', T, { queue: 'umum' })
		];
		expect(agents(events, { issueType: 'kopdes_lahan' }).loggedIn).toBe(2);
		expect(agents(events, { province: '61' }).loggedIn).toBe(3);
		expect(agents(events, { channel: 'chat' }).loggedIn).toBe(0);
	});

	it('a call connected a day ago and never completed no longer holds the agent', () => {
		const events = [
			...loginBoth('1001'),
			...aCall('c1').in('umum').enteredAt(T).answered(5, '1001').events()
		];
		expect(agents(events, {}, T + 25 * HOUR).onCall).toBe(0);
	});

	it('an agent state nobody confirmed for 24 h is not "now" (an old log replayed today)', () => {
		const events = [
			...loginBoth('1001'),
			ag('agent.paused', '1001', T + HOUR, { reason: 'Rapat' })
		];
		expect(agents(events, {}, T + 24 * HOUR).loggedIn).toBe(1);
		expect(agents(events, {}, T + 25 * HOUR)).toMatchObject({
			loggedIn: 0,
			paused: 0,
			available: 0
		});
		const confirmed = [...events, ag('agent.unpaused', '1001', T + 24 * HOUR)];
		expect(agents(confirmed, {}, T + 25 * HOUR)).toMatchObject({ loggedIn: 1, available: 1 });
	});
});
