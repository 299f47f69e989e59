import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ContactEvent } from '../events';
import { MetricsEngine } from '../metrics/engine';
import { deriveFacts, type ContactFacts } from '../metrics/facts';
import type { MetricsFilter } from '../metrics/figures';
import { arbitraryEvents } from '../metrics/engine.fixtures';
import { DAY_MS, startOfWibDay } from '../time/wib';
import {
	applyDelta,
	cellDeltas,
	cellKey,
	cellMatches,
	cellsOfFacts,
	isEmptyCell,
	mergeDeltas,
	type StoredCell
} from './cells';
import { MEASURE_NAMES, measureValues, tallyOf } from './measures';
import { engineTally } from './trend';
import { fakeSla, queue, testSettings, wib } from '../../../../tests/builders/contact-events';

// Late evening WIB: the fixtures' 5-hour spread crosses midnight into the next WIB day.
const START = wib('2026-03-25 21:30');
const NOW = START + 3 * DAY_MS;
const DAYS = [startOfWibDay(START), startOfWibDay(START) + DAY_MS];
const settings = testSettings({ queues: { q1: queue({ issueType: 'pinjaman' }), q2: queue() } });
const sla = fakeSla(30, 120);
const FILTERS: MetricsFilter[] = [
	{},
	{ queue: 'q1' },
	{ province: '61' },
	{ channel: 'chat' },
	{ channel: 'ticket', issueType: 'unknown' }
];

const all = (facts: ContactFacts[]) => facts.map((c) => c.facts);

/** What a rollup holds after facts went, contact by contact, from `before` to `after`. */
function applyAll(cells: Map<string, StoredCell>, before: ContactFacts[], after: ContactFacts[]) {
	const old = new Map(before.map((c) => [`${c.channel}|${c.id}`, c.facts]));
	const deltas = after.flatMap((c) => cellDeltas(old.get(`${c.channel}|${c.id}`) ?? [], c.facts));
	for (const d of mergeDeltas(deltas)) {
		const key = cellKey(d);
		const { values, missing } = applyDelta(cells.get(key) ?? null, d);
		expect(missing).toBe(0);
		if (isEmptyCell(values)) cells.delete(key);
		else cells.set(key, { ...cells.get(key)!, ...d, ...values });
	}
}

function dayValues(cells: Iterable<StoredCell>, day: number, filter: MetricsFilter) {
	const n = new Array(24).fill(0);
	const frt: number[] = [];
	for (const c of cells) {
		if (c.grain !== 'day' || c.start !== day || !cellMatches(c, filter)) continue;
		c.n.forEach((x, i) => (n[i] += x));
		frt.push(...c.frt);
	}
	return measureValues(tallyOf(n, frt), MEASURE_NAMES);
}

function engineDayValues(events: ContactEvent[]) {
	const engine = new MetricsEngine(settings, { sla });
	for (const e of events) engine.apply(e);
	return (day: number, f: MetricsFilter) =>
		measureValues(engineTally(engine, f, day, day + DAY_MS, NOW), MEASURE_NAMES);
}

describe('rollup cells from contact facts', () => {
	it('a day summed from cells gives every measure the live engine gives', () => {
		fc.assert(
			fc.property(arbitraryEvents(START), (events) => {
				const cells = cellsOfFacts(all(deriveFacts(events, settings, sla)), -Infinity, Infinity);
				const engine = engineDayValues(events);
				for (const day of DAYS)
					for (const f of FILTERS) expect(dayValues(cells, day, f)).toEqual(engine(day, f));
			}),
			{ numRuns: 120 }
		);
	});

	it('applying the facts of a prefix, then of all events, leaves the cells of all events', () => {
		fc.assert(
			fc.property(
				arbitraryEvents(START).chain((events) =>
					fc.tuple(fc.constant(events), fc.integer({ min: 0, max: events.length }))
				),
				([events, cut]) => {
					const cells = new Map<string, StoredCell>();
					const first = deriveFacts(events.slice(0, cut), settings, sla);
					applyAll(cells, [], first);
					applyAll(cells, first, deriveFacts(events, settings, sla));
					const direct = cellsOfFacts(all(deriveFacts(events, settings, sla)), -1e15, 1e15);
					const sorted = (xs: StoredCell[]) => xs.map(cellKey).sort();
					expect(sorted([...cells.values()])).toEqual(sorted(direct));
					for (const c of direct) expect(cells.get(cellKey(c))).toMatchObject(c);
				}
			),
			{ numRuns: 120 }
		);
	});
});

describe('WIB day boundaries (issue 6)', () => {
	const callAt = (iso: string): ContactEvent[] => [
		{ type: 'call.entered', callId: 'c', queue: 'q1', at: Date.parse(iso) - 5000 },
		{ type: 'call.abandoned', callId: 'c', queue: 'q1', at: Date.parse(iso), waitSeconds: 30 }
	];
	it.each([
		['2025-03-31T16:59:59Z', '2025-03-31T00:00:00+07:00'],
		['2025-03-31T17:00:00Z', '2025-04-01T00:00:00+07:00'],
		['2025-03-31T17:00:00.001Z', '2025-04-01T00:00:00+07:00']
	])('a call ending at %s counts on the WIB day starting %s', (at, day) => {
		const cells = cellsOfFacts(all(deriveFacts(callAt(at), settings)), -Infinity, Infinity);
		const days = cells.filter((c) => c.grain === 'day').map((c) => c.start);
		expect(new Set(days)).toEqual(new Set([Date.parse(day)]));
	});
});
