/**
 * A trend: measures per period, overall and per group (issue 6 §API). Built from cell sums
 * (rollups) or, for comparison and for the benchmark's "raw" path, from a MetricsEngine that
 * folded the stored events — both end in measureValues over a Tally, so both agree.
 */
import type { MetricsFilter } from '../metrics/figures';
import { matchesFilter } from '../metrics/dims';
import type { MetricsEngine } from '../metrics/engine';
import { FIELD_COUNT, Tally } from '../metrics/fields';
import { measureValues, tallyOf, type Measure } from './measures';
import { nextPeriod, type Granularity } from './periods';

export const GROUP_BYS = ['province', 'issueType', 'channel', 'queue'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export interface TrendQuery {
	from: number;
	to: number;
	granularity: Granularity;
	groupBy: GroupBy | null;
	measures: Measure[];
	filter: MetricsFilter;
}

/** Counters (and first-response samples) summed over the cells of one period and group. */
export interface SummedRow {
	period: number;
	group: string;
	n: number[];
	frt: number[];
}

export type MeasureValues = Partial<Record<Measure, number | null>>;

export interface TrendSeries {
	/** Group code (`61`, `kopdes_lahan`, `call`, a queue), or `all` for the whole filter. */
	group: string;
	/** One entry per period, in the order of TrendResult.periods. */
	points: MeasureValues[];
	/** The whole range (not a sum of points: rates are recomputed from summed counters). */
	total: MeasureValues;
}

export interface TrendResult {
	periods: number[];
	total: TrendSeries;
	groups: TrendSeries[];
}

class Acc {
	readonly n = new Array<number>(FIELD_COUNT).fill(0);
	readonly frt: number[] = [];
	add(n: ArrayLike<number>, frt: readonly number[]): void {
		for (let i = 0; i < FIELD_COUNT; i++) this.n[i]! += n[i] ?? 0;
		for (const v of frt) this.frt.push(v);
	}
}

function valuesOf(t: Tally, measures: readonly Measure[]): MeasureValues {
	const values = measureValues(t, measures);
	return Object.fromEntries(measures.map((m, i) => [m, values[i]!]));
}

/** One series from its rows: points per period and the total over all of them. */
export function seriesOf(
	group: string,
	rows: readonly SummedRow[],
	periods: readonly number[],
	measures: readonly Measure[]
): TrendSeries {
	const byPeriod = new Map(periods.map((p) => [p, new Acc()]));
	const all = new Acc();
	for (const r of rows) {
		byPeriod.get(r.period)?.add(r.n, r.frt);
		all.add(r.n, r.frt);
	}
	const point = (a: Acc) => valuesOf(tallyOf(a.n, a.frt), measures);
	return { group, points: periods.map((p) => point(byPeriod.get(p)!)), total: point(all) };
}

/**
 * The trend from summed rows: `totalRows` are the ungrouped sums (contact-centre total cells,
 * so a call that waited in two queues counts once), `groupRows` the sums per group. Groups
 * listed in `groups` always appear (zeros included); any other group seen is appended.
 */
export function trendOfRows(
	q: TrendQuery,
	periods: readonly number[],
	totalRows: readonly SummedRow[],
	groupRows: readonly SummedRow[],
	groups: readonly string[]
): TrendResult {
	const byGroup = new Map<string, SummedRow[]>(groups.map((g) => [g, []]));
	for (const r of groupRows) {
		let list = byGroup.get(r.group);
		if (!list) byGroup.set(r.group, (list = []));
		list.push(r);
	}
	return {
		periods: [...periods],
		total: seriesOf('all', totalRows, periods, q.measures),
		groups: q.groupBy ? [...byGroup].map(([g, rows]) => seriesOf(g, rows, periods, q.measures)) : []
	};
}

/** The tally of a window straight from an engine's buckets (what figures() sums). */
export function engineTally(
	engine: MetricsEngine,
	filter: MetricsFilter,
	from: number,
	to: number,
	now: number
): Tally {
	const tally = new Tally();
	engine.rollup.visit(from, Math.min(to, now + 1), {
		cell: (d, cell, sign) => matchesFilter(d, filter) && tally.addCell(cell, sign),
		one: (d, field, value) => matchesFilter(d, filter) && tally.addOne(field, value)
	});
	return tally;
}

/** The same trend computed from an engine that holds the range's contacts (raw events). */
export function trendOfEngine(
	engine: MetricsEngine,
	q: TrendQuery,
	periods: readonly number[],
	groups: readonly string[],
	now: number
): TrendResult {
	const series = (group: string, filter: MetricsFilter): TrendSeries => {
		const points = periods.map((p) => {
			const from = Math.max(p, q.from);
			const to = Math.min(nextPeriod(p, q.granularity), q.to);
			return valuesOf(engineTally(engine, filter, from, to, now), q.measures);
		});
		const total = valuesOf(engineTally(engine, filter, q.from, q.to, now), q.measures);
		return { group, points, total };
	};
	return {
		periods: [...periods],
		total: series('all', q.filter),
		groups: q.groupBy ? groups.map((g) => series(g, { ...q.filter, [q.groupBy!]: g })) : []
	};
}
