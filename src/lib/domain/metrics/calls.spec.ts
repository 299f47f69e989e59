import { describe, expect, it } from 'vitest';
import type { ContactEvent } from '../events';
import { MetricsEngine } from './engine';
import type { MetricsFilter } from './figures';
import type { MetricsSettings } from './settings';
import {
	aCall,
	eventsOf,
	HOUR,
	MINUTE,
	queue,
	testSettings,
	thresholds,
	wib
} from '../../../../tests/builders/contact-events';

const T = wib('2026-03-25 09:00');
const DAY = { from: wib('2026-03-25 00:00'), to: wib('2026-03-26 00:00') };
const NOW = wib('2026-03-25 23:59');

function calls(
	events: ContactEvent[],
	filter: MetricsFilter = {},
	settings: MetricsSettings = testSettings(),
	now = NOW
) {
	const engine = new MetricsEngine(settings);
	for (const e of events) engine.apply(e);
	return engine.figures({ ...filter, ...DAY }, now).calls;
}

describe('calls: one row per metrics.md §Calls definition', () => {
	const rows: {
		name: string;
		events: ContactEvent[];
		expect: Partial<ReturnType<typeof calls>>;
	}[] = [
		{
			name: 'answered within T counts in service level',
			events: eventsOf(aCall('c1').enteredAt(T).answered(12).completed(60)),
			expect: { offered: 1, answered: 1, answeredWithinThreshold: 1, serviceLevel: 100, asa: 12 }
		},
		{
			name: 'answered after T is answered but not within threshold',
			events: eventsOf(aCall('c1').enteredAt(T).answered(21)),
			expect: { offered: 1, answered: 1, answeredWithinThreshold: 0, serviceLevel: 0, asa: 21 }
		},
		{
			name: 'a wait of exactly T is within threshold (wait ≤ T)',
			events: eventsOf(aCall('c1').enteredAt(T).answered(20)),
			expect: { answeredWithinThreshold: 1, serviceLevel: 100 }
		},
		{
			name: 'a transfer with no CONNECT counts as answered',
			events: eventsOf(aCall('c1').enteredAt(T).transferred(15, { waitSeconds: 15 })),
			expect: { offered: 1, answered: 1, answeredWithinThreshold: 1, abandoned: 0, asa: 15 }
		},
		{
			name: 'a short abandon is excluded from service level and abandon rate',
			events: eventsOf(
				aCall('c1').enteredAt(T).abandoned(4),
				aCall('c2').enteredAt(T).answered(10),
				aCall('c3').enteredAt(T).abandoned(30)
			),
			expect: {
				offered: 3,
				shortAbandons: 1,
				abandoned: 1,
				answered: 1,
				serviceLevel: 50,
				abandonRate: 50
			}
		},
		{
			name: 'an abandon after exactly S is a real abandon (short is wait < S)',
			events: eventsOf(aCall('c1').enteredAt(T).abandoned(5)),
			expect: { shortAbandons: 0, abandoned: 1, abandonRate: 100, serviceLevel: 0 }
		},
		{
			name: 'every exit reason counts as exited and in the SL denominator',
			events: eventsOf(
				...(['timeout', 'empty', 'key', 'full', 'closed', 'joinempty'] as const).map((r, i) =>
					aCall(`c${i}`).enteredAt(T).exited(30, r)
				),
				aCall('ok').enteredAt(T).answered(3)
			),
			expect: { offered: 7, exited: 6, answered: 1, serviceLevel: 14.3, abandonRate: 0 }
		},
		{
			name: 'wait falls back to timestamps when the PBX gives none',
			events: eventsOf(aCall('c1').enteredAt(T).answered(33, 'a1', false)),
			expect: { answered: 1, asa: 33, answeredWithinThreshold: 0 }
		},
		{
			name: 'AHT is talk + hold + wrap-up of completed calls',
			events: eventsOf(
				aCall('c1').enteredAt(T).answered(5).completed(100, { holdSeconds: 20, wrapUpSeconds: 30 }),
				aCall('c2').enteredAt(T).answered(5).completed(50)
			),
			expect: { aht: 100, ahtIsTalkOnly: false }
		},
		{
			name: 'AHT is over completed calls only (a transfer is answered, not completed); talk-only says so',
			events: eventsOf(
				aCall('c1').enteredAt(T).answered(5).completed(100),
				aCall('c2').enteredAt(T).answered(5).transferred(41, { talkSeconds: 40 })
			),
			expect: { aht: 100, ahtIsTalkOnly: true, answered: 2 }
		},
		{
			name: 'no calls: rates and means are null, not 0',
			events: [],
			expect: { offered: 0, serviceLevel: null, abandonRate: null, asa: null, aht: null }
		}
	];
	it.each(rows)('$name', ({ events, expect: want }) => {
		expect(calls(events)).toMatchObject(want);
	});
});

describe('calls: per-queue thresholds', () => {
	const settings = testSettings({
		queues: {
			fast: queue({ thresholds: thresholds({ serviceLevelSeconds: 10, shortAbandonSeconds: 2 }) }),
			slow: queue({ thresholds: thresholds({ serviceLevelSeconds: 60, shortAbandonSeconds: 8 }) })
		}
	});
	const events = eventsOf(
		aCall('f1').in('fast').enteredAt(T).answered(15),
		aCall('f2').in('fast').enteredAt(T).abandoned(3),
		aCall('s1').in('slow').enteredAt(T).answered(45),
		aCall('s2').in('slow').enteredAt(T).abandoned(7)
	);
	it.each([
		{ queue: 'fast', within: 0, short: 0, abandoned: 1 },
		{ queue: 'slow', within: 1, short: 1, abandoned: 0 }
	])('queue $queue uses its own T and S', ({ queue: q, within, short, abandoned }) => {
		const c = calls(events, { queue: q }, settings);
		expect([c.answeredWithinThreshold, c.shortAbandons, c.abandoned]).toEqual([
			within,
			short,
			abandoned
		]);
	});
	it('the total measures each call against its own queue', () => {
		const c = calls(events, {}, settings);
		expect(c).toMatchObject({
			offered: 4,
			answeredWithinThreshold: 1,
			shortAbandons: 1,
			abandoned: 1
		});
		expect(c.serviceLevel).toBe(33.3);
	});
});

describe('calls: WIB day boundaries', () => {
	it.each([
		{ end: Date.parse('2026-03-24T17:30:00Z'), day: '2026-03-25' },
		{ end: Date.parse('2026-03-24T16:59:59Z'), day: '2026-03-24' },
		{ end: Date.parse('2026-03-25T16:59:59Z'), day: '2026-03-25' },
		{ end: Date.parse('2026-03-25T17:00:00Z'), day: '2026-03-26' }
	])('a call ending $end counts on $day WIB', ({ end, day }) => {
		const engine = new MetricsEngine(testSettings());
		for (const e of aCall('c1')
			.enteredAt(end - 10_000)
			.answered(10)
			.events())
			engine.apply(e);
		const counts = ['2026-03-24', '2026-03-25', '2026-03-26'].map((d) => {
			const from = wib(`${d} 00:00`);
			return [d, engine.figures({ from, to: from + 24 * HOUR }, from + 48 * HOUR).calls.offered];
		});
		expect(counts.filter(([, n]) => n === 1).map(([d]) => d)).toEqual([day]);
	});
});

describe('calls: re-entry and transfers between queues', () => {
	const events = eventsOf(
		aCall('c1').in('sales').enteredAt(T).exited(60, 'timeout'),
		aCall('c1')
			.in('support')
			.enteredAt(T + 61_000)
			.answered(10),
		aCall('c2').in('sales').enteredAt(T).abandoned(20),
		aCall('c2')
			.in('sales')
			.enteredAt(T + 5 * MINUTE)
			.answered(8)
	);
	it.each([
		{ filter: { queue: 'sales' }, offered: 3, answered: 1, exited: 1, abandoned: 1 },
		{ filter: { queue: 'support' }, offered: 1, answered: 1, exited: 0, abandoned: 0 },
		{ filter: {}, offered: 2, answered: 2, exited: 0, abandoned: 0 }
	])('counted once per queue it waited in, once in the total: $filter', (row) => {
		expect(calls(events, row.filter)).toMatchObject({
			offered: row.offered,
			answered: row.answered,
			exited: row.exited,
			abandoned: row.abandoned
		});
	});
});

describe('calls: classification and unknown dimensions', () => {
	const settings = testSettings({ queues: { lahan: queue({ issueType: 'kopdes_lahan' }) } });
	it('IVR classification arriving after the call ends still moves it', () => {
		const events = eventsOf(
			aCall('c1').in('lahan').enteredAt(T).answered(5),
			aCall('c1').classified(T + HOUR, { province: '61', issueType: 'pinjaman' })
		);
		expect(calls(events, { province: '61', issueType: 'pinjaman' }, settings).offered).toBe(1);
		expect(calls(events, { issueType: 'kopdes_lahan' }, settings).offered).toBe(0);
	});
	it('IVR > province at entry (e.g. the cooperative registry) > unknown', () => {
		const entered = () => aCall('c1').in('lahan').enteredAt(T, { province: '31' }).answered(5);
		const ivr = (province: string) => aCall('c1').classified(T + MINUTE, { province });
		expect(calls(eventsOf(entered()), { province: '31' }, settings).offered).toBe(1);
		expect(calls(eventsOf(entered(), ivr('61')), { province: '61' }, settings).offered).toBe(1);
		expect(calls(eventsOf(entered(), ivr('unknown')), { province: '31' }, settings).offered).toBe(
			1
		);
	});
	it.each([
		{
			name: 'queue issue type without IVR',
			filter: { issueType: 'kopdes_lahan', province: 'unknown' }
		},
		{
			name: 'unknown issue type in a queue serving none',
			filter: { issueType: 'unknown' },
			q: 'other'
		},
		{ name: 'unlisted province counts as unknown', filter: { province: 'unknown' }, province: '99' }
	])('$name', ({ filter, q, province }) => {
		const events = aCall('c1')
			.in(q ?? 'lahan')
			.enteredAt(T, { province })
			.answered(5)
			.events();
		expect(calls(events, filter, settings).offered).toBe(1);
	});
});

describe('calls: odd inputs', () => {
	it('a completed call with no entered or connect counts from its own fields', () => {
		const e: ContactEvent = {
			type: 'call.completed',
			callId: 'x',
			queue: 'q1',
			at: T,
			waitSeconds: 9,
			talkSeconds: 60,
			by: 'agent'
		};
		expect(calls([e])).toMatchObject({ offered: 1, answered: 1, asa: 9, aht: 60 });
	});
	it('an abandon with no wait at all is a real abandon, not a short one', () => {
		const e: ContactEvent = { type: 'call.abandoned', callId: 'x', queue: 'q1', at: T };
		expect(calls([e])).toMatchObject({ abandoned: 1, shortAbandons: 0 });
	});
	it('events arriving in reverse give the same figures', () => {
		const events = eventsOf(
			aCall('c1').enteredAt(T).answered(25).completed(80),
			aCall('c2').enteredAt(T).abandoned(3),
			aCall('c3').in('x').enteredAt(T).exited(40),
			aCall('c3')
				.in('y')
				.enteredAt(T + MINUTE)
				.answered(2)
		);
		expect(calls([...events].reverse())).toEqual(calls(events));
	});
});

describe('calls: waiting now', () => {
	it.each([
		{ name: 'waiting 90 s', entered: T - 90_000, waiting: 1, longest: 90 },
		{
			name: 'entered in the future is not waiting yet',
			entered: T + 1000,
			waiting: 0,
			longest: null
		},
		{ name: 'stale after 24 h with no end', entered: T - 24 * HOUR, waiting: 0, longest: null },
		{
			name: 'just under 24 h still waits',
			entered: T - 24 * HOUR + 1000,
			waiting: 1,
			longest: 86399
		}
	])('$name', ({ entered, waiting, longest }) => {
		const c = calls(aCall('c1').enteredAt(entered).events(), {}, testSettings(), T);
		expect([c.waitingNow, c.longestWaitNow]).toEqual([waiting, longest]);
	});
	it('respects filters and ignores a phase the call left', () => {
		const events = eventsOf(
			aCall('c1')
				.in('a')
				.enteredAt(T - 60_000, { province: '61' }),
			aCall('c2')
				.in('b')
				.enteredAt(T - 30_000, { province: '11' }),
			aCall('c3')
				.in('a')
				.enteredAt(T - 90_000)
				.answered(10)
		);
		const at = (f: MetricsFilter) => calls(events, f, testSettings(), T).waitingNow;
		expect([at({}), at({ queue: 'a' }), at({ province: '61' }), at({ channel: 'chat' })]).toEqual([
			2, 1, 1, 0
		]);
	});
});
