/**
 * Rollup cells (issue 6 §Rollups): the facts of contacts summed per hour and per WIB day ×
 * province × issue type × channel × queue. Counters are additive; first-response times are
 * kept as the raw samples, so a p90 over any range of cells is the exact nearest-rank p90
 * the live engine computes (metrics.md §Chat), not an estimate.
 */
import type { Channel } from '../events';
import { FIELD_COUNT, FIRST_RESPONSE_VALUE } from '../metrics/fields';
import type { Fact } from '../metrics/facts';
import { matchesFilter } from '../metrics/dims';
import type { MetricsFilter } from '../metrics/figures';
import { startOfWibDay } from '../time/wib';

export const GRAINS = ['hour', 'day'] as const;
export type Grain = (typeof GRAINS)[number];

export const HOUR_MS = 3_600_000;

export interface CellKey {
	grain: Grain;
	/** Start of the hour, or 00:00 WIB of the day (epoch ms). */
	start: number;
	province: string;
	issueType: string;
	channel: Channel;
	/** `''` is the contact-centre total (dims.ts TOTAL_QUEUE). */
	queue: string;
}

/** A cell's content: FIELD_COUNT counters and the first-response samples (ms, ascending). */
export interface CellValues {
	n: number[];
	frt: number[];
}

export type StoredCell = CellKey & CellValues;

/** What a change of facts does to one cell. */
export interface CellDelta extends CellKey {
	n: number[];
	added: number[];
	removed: number[];
}

/** WIB hours are UTC hours (the offset is a whole +7 h), so an hour starts on a UTC hour. */
export function cellStart(at: number, grain: Grain): number {
	return grain === 'hour' ? Math.floor(at / HOUR_MS) * HOUR_MS : startOfWibDay(at);
}

/** A string naming the cell (map key). */
export function cellKey(k: CellKey): string {
	return `${k.grain}|${k.start}|${k.province}|${k.issueType}|${k.channel}|${k.queue}`;
}

function deltaFor(map: Map<string, CellDelta>, f: Fact, grain: Grain): CellDelta {
	const k: CellKey = {
		grain,
		start: cellStart(f.at, grain),
		province: f.province,
		issueType: f.issueType,
		channel: f.channel,
		queue: f.queue
	};
	const key = cellKey(k);
	let d = map.get(key);
	if (!d) map.set(key, (d = { ...k, n: new Array(FIELD_COUNT).fill(0), added: [], removed: [] }));
	return d;
}

function addFacts(map: Map<string, CellDelta>, facts: readonly Fact[], sign: 1 | -1): void {
	for (const f of facts) {
		for (const grain of GRAINS) {
			const d = deltaFor(map, f, grain);
			if (f.field !== FIRST_RESPONSE_VALUE) d.n[f.field]! += sign * f.value;
			else (sign > 0 ? d.added : d.removed).push(f.value);
		}
	}
}

/** Removes the samples present in both lists (a re-derived contact kept them). */
function cancelSamples(d: CellDelta): void {
	if (!d.added.length || !d.removed.length) return;
	const counts = new Map<number, number>();
	for (const v of d.removed) counts.set(v, (counts.get(v) ?? 0) + 1);
	const added: number[] = [];
	for (const v of d.added) {
		const left = counts.get(v) ?? 0;
		if (left > 0) counts.set(v, left - 1);
		else added.push(v);
	}
	d.added = added;
	d.removed = [...counts].flatMap(([v, k]) => new Array<number>(k).fill(v));
}

const isNoop = (d: CellDelta) => !d.added.length && !d.removed.length && d.n.every((x) => x === 0);

/** The changes to hour and day cells when a contact's facts go from `before` to `after`. */
export function cellDeltas(before: readonly Fact[], after: readonly Fact[]): CellDelta[] {
	const map = new Map<string, CellDelta>();
	addFacts(map, before, -1);
	addFacts(map, after, 1);
	const out: CellDelta[] = [];
	for (const d of map.values()) {
		cancelSamples(d);
		if (!isNoop(d)) out.push(d);
	}
	return out;
}

/** Merges deltas of several contacts into one per cell. */
export function mergeDeltas(deltas: Iterable<CellDelta>): CellDelta[] {
	const map = new Map<string, CellDelta>();
	for (const d of deltas) {
		const key = cellKey(d);
		const into = map.get(key);
		if (!into) {
			map.set(key, { ...d, n: [...d.n], added: [...d.added], removed: [...d.removed] });
			continue;
		}
		for (let i = 0; i < FIELD_COUNT; i++) into.n[i]! += d.n[i]!;
		into.added.push(...d.added);
		into.removed.push(...d.removed);
	}
	const out = [...map.values()];
	for (const d of out) cancelSamples(d);
	return out.filter((d) => !isNoop(d));
}

/**
 * A cell after a delta. A sample to remove that the cell does not hold means the cell and
 * the facts disagree (a bug or a hand edit): reported, so the caller can rebuild.
 */
export function applyDelta(
	cell: CellValues | null,
	d: CellDelta
): { values: CellValues; missing: number } {
	const n = cell ? cell.n.map((x, i) => x + d.n[i]!) : [...d.n];
	const frt = cell ? [...cell.frt] : [];
	let missing = 0;
	for (const v of d.removed) {
		const i = frt.indexOf(v);
		if (i >= 0) frt.splice(i, 1);
		else missing++;
	}
	frt.push(...d.added);
	frt.sort((a, b) => a - b);
	return { values: { n, frt }, missing };
}

/** A cell with nothing in it (deleted rather than stored). */
export function isEmptyCell(c: CellValues): boolean {
	return c.frt.length === 0 && c.n.every((x) => x === 0);
}

/** The cells of a set of facts, only those whose start lies in [from, to). */
export function cellsOfFacts(facts: Iterable<readonly Fact[]>, from: number, to: number) {
	const map = new Map<string, CellDelta>();
	for (const list of facts) addFacts(map, list, 1);
	const out: StoredCell[] = [];
	for (const d of map.values()) {
		if (d.start < from || d.start >= to) continue;
		const { added: _added, removed: _removed, n: _n, ...key } = d;
		const values = applyDelta(null, d).values;
		if (!isEmptyCell(values)) out.push({ ...key, ...values });
	}
	return out;
}

/** True when a cell falls inside a metrics filter (the same rule as the engine's dims). */
export function cellMatches(c: CellKey, filter: MetricsFilter): boolean {
	return matchesFilter({ key: '', ...c }, filter);
}
