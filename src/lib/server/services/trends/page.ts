/**
 * The `/trends` page data (issue 6 §Trend pages): a range preset (today, 7/30/90 days, this
 * month, custom) resolved to WIB dates, every view computed from the rollups for the range
 * and for the previous period of the same length, and the backlog ages from the live state.
 */
import {
	PAGE_SERIES,
	RANGE_PRESETS,
	type BreakdownRow,
	type RangePreset,
	type TrendsPageData
} from '../../../contracts/trends';
import { ageBuckets } from '../../../domain/trends/backlog';
import { measureValues, tallyOf, type Measure } from '../../../domain/trends/measures';
import {
	periodLabel,
	previousRange,
	wibHour,
	wibWeekday,
	type Granularity
} from '../../../domain/trends/periods';
import type { TrendResult } from '../../../domain/trends/trend';
import { DAY_MS, startOfWibDay, wibDate } from '../../../domain/time/wib';
import type { Container } from '../../container';
import { sumCells, type TrendScope } from '../../repositories/trend.repository';
import { filterProblem, inScope } from './scope';
import { parseTrendQuery, type ParsedTrendQuery } from './trend-query';
import { computeTrend } from './trends.service';

export type PageDeps = Pick<
	Container,
	'database' | 'rollups' | 'reference' | 'queues' | 'clock' | 'config' | 'live'
>;

const PRESET_DAYS: Record<Exclude<RangePreset, 'custom' | 'month'>, number> = {
	today: 1,
	d7: 7,
	d30: 30,
	d90: 90
};

/** Hourly for a day or two, daily up to a quarter, weekly up to a year, then monthly. */
export function autoGranularity(days: number): Granularity {
	if (days <= 2) return 'hour';
	if (days <= 92) return 'day';
	return days <= 366 ? 'week' : 'month';
}

/**
 * The URL's range as trend-query parameters: a preset becomes WIB dates ending today; `custom`
 * takes `from` and `to` as given. The granularity follows the length unless the URL names one.
 */
export function resolveRange(
	params: URLSearchParams,
	now: number
): { ok: true; preset: RangePreset; params: URLSearchParams } | { ok: false; message: string } {
	const preset = (params.get('range') ?? (params.has('from') ? 'custom' : 'd30')) as RangePreset;
	if (!RANGE_PRESETS.includes(preset))
		return { ok: false, message: `range: must be one of ${RANGE_PRESETS.join(', ')}` };
	const out = new URLSearchParams(params);
	out.delete('range');
	const today = startOfWibDay(now);
	if (preset !== 'custom') {
		const first =
			preset === 'month'
				? Date.parse(`${wibDate(today).slice(0, 7)}-01T00:00:00+07:00`)
				: today - (PRESET_DAYS[preset] - 1) * DAY_MS;
		out.set('from', wibDate(first));
		out.set('to', wibDate(today));
	} else if (!params.get('from') || !params.get('to')) {
		return { ok: false, message: 'a custom range needs from and to (YYYY-MM-DD)' };
	}
	if (!out.get('granularity')) {
		const from = Date.parse(`${out.get('from')}T00:00:00+07:00`);
		const to = Date.parse(`${out.get('to')}T00:00:00+07:00`);
		const days = Number.isNaN(from) || Number.isNaN(to) ? 30 : (to - from) / DAY_MS + 1;
		out.set('granularity', autoGranularity(days));
	}
	return { ok: true, preset, params: out };
}

function rows(
	current: TrendResult,
	previous: TrendResult,
	m: Measure,
	villages: (code: string) => number | null
): BreakdownRow[] {
	const before = new Map(previous.groups.map((s) => [s.group, s.total[m] ?? null]));
	return current.groups.map((s) => ({
		code: s.group,
		current: s.total[m] ?? null,
		previous: before.get(s.group) ?? null,
		villages: villages(s.group)
	}));
}

async function heatmap(c: PageDeps, q: ParsedTrendQuery): Promise<number[][]> {
	const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
	const hours = await sumCells(
		c.database.db,
		{
			from: q.from,
			to: q.to,
			granularity: 'hour',
			groupBy: null,
			filter: q.filter,
			scope: q.scope
		},
		false
	);
	for (const h of hours) {
		const [contacts] = measureValues(tallyOf(h.n), ['contacts']);
		grid[wibWeekday(h.period)]![wibHour(h.period)]! += contacts ?? 0;
	}
	return grid;
}

/** The whole page for the URL's parameters, or the first problem with them. */
export async function trendsPage(
	c: PageDeps,
	params: URLSearchParams,
	lang: 'id' | 'en',
	scope?: TrendScope
): Promise<{ ok: true; data: TrendsPageData } | { ok: false; message: string; status?: 403 }> {
	const now = c.clock.now();
	const range = resolveRange(params, now);
	if (!range.ok) return range;
	const p = new URLSearchParams(range.params);
	const groupBy = (p.get('groupBy') ?? 'province') as ParsedTrendQuery['groupBy'];
	p.set('groupBy', groupBy ?? 'province');
	const parsed = parseTrendQuery(p, now, c.config.trendsMaxRangeDays, false);
	if (!parsed.ok) return parsed;
	const problem = filterProblem(parsed.query.filter, scope, c);
	if (problem?.status === 400) return { ok: false, message: problem.message };
	if (problem) return { ok: false, message: problem.message, status: 403 };
	const q = { ...parsed.query, scope };
	const measure = q.measures[0]!;
	const prev = previousRange(q.from, q.to);
	const main = { ...q, groupBy: null, measures: [...PAGE_SERIES], perVillages: false };
	const [series, seriesBefore] = [
		await computeTrend(c, main),
		await computeTrend(c, { ...main, ...prev })
	];
	const byGroup = { ...q, measures: [measure] };
	const [groups, groupsBefore] = [
		await computeTrend(c, byGroup),
		await computeTrend(c, { ...byGroup, ...prev })
	];
	const byIssue = {
		...q,
		groupBy: 'issueType' as const,
		measures: ['contacts' as const],
		perVillages: false
	};
	const [issues, issuesBefore] = [
		await computeTrend(c, byIssue),
		await computeTrend(c, { ...byIssue, ...prev })
	];
	const villages = new Map(c.reference.provinces.map((r) => [r.code, r.villages]));
	const queueGoal = c.queues.find((x) => x.name === q.filter.queue)?.serviceLevelGoal;
	const data: TrendsPageData = {
		lang,
		range: range.preset,
		from: wibDate(q.from),
		to: wibDate(q.to - 1),
		previous: { from: wibDate(prev.from), to: wibDate(prev.to - 1) },
		granularity: q.granularity,
		groupBy: q.groupBy ?? 'province',
		measure,
		perVillages: q.perVillages,
		filter: q.filter,
		periods: series.periods.map((start) => ({ start, label: periodLabel(start, q.granularity) })),
		series: Object.fromEntries(
			PAGE_SERIES.map((m) => [m, series.total.points.map((pt) => pt[m] ?? null)])
		) as TrendsPageData['series'],
		totals: Object.fromEntries(
			PAGE_SERIES.map((m) => [
				m,
				{ current: series.total.total[m] ?? null, previous: seriesBefore.total.total[m] ?? null }
			])
		) as TrendsPageData['totals'],
		goal: queueGoal ?? c.config.thresholds.serviceLevelGoal,
		breakdown: rows(groups, groupsBefore, measure, (g) => villages.get(g) ?? null),
		issues: rows(issues, issuesBefore, 'contacts', () => null),
		heatmap: await heatmap(c, q),
		backlog: ageBuckets(c.live.openCaseAges(q.filter).filter((x) => inScope(x, scope))),
		reference: c.reference,
		queues: c.queues.map((x) => x.name),
		asOf: now
	};
	return { ok: true, data };
}
