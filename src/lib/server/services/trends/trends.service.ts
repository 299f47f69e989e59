/**
 * Trends from the rollups (issue 6 §API): the numbers of `GET /api/v1/trends`, the `/trends`
 * pages and their exports all come from `computeTrend`, after the rollup writer has applied
 * every stored event — so a past day's trend equals the wall's figures of that day.
 */
import { CHANNELS, UNKNOWN } from '../../../domain/events';
import { perHundredVillages } from '../../../domain/trends/measures';
import { periodLabel, periodsIn } from '../../../domain/trends/periods';
import {
	trendOfRows,
	type GroupBy,
	type MeasureValues,
	type TrendResult,
	type TrendSeries
} from '../../../domain/trends/trend';
import { toWibIso } from '../../../domain/time/wib';
import type { Container } from '../../container';
import { sumCells, type TrendScope } from '../../repositories/trend.repository';
import { filterProblem } from './scope';
import { parseTrendQuery, type ParsedTrendQuery } from './trend-query';

export type TrendDeps = Pick<Container, 'database' | 'rollups' | 'reference' | 'queues'>;

/** The groups a grouping always lists (zeros included), narrowed by the filter. */
export function groupsOf(
	c: Pick<Container, 'reference' | 'queues'>,
	q: ParsedTrendQuery
): string[] {
	if (!q.groupBy) return [];
	const fixed = q.filter[q.groupBy];
	if (fixed) return [fixed];
	const scoped = (all: string[], list: readonly string[] | null | undefined) =>
		list ? all.filter((code) => list.includes(code)) : [...all, UNKNOWN];
	const lists: Record<GroupBy, string[]> = {
		province: scoped(
			c.reference.provinces.map((p) => p.code),
			q.scope?.provinces
		),
		issueType: scoped(
			c.reference.issueTypes.map((t) => t.code),
			q.scope?.issueTypes
		),
		channel: [...CHANNELS],
		queue: c.queues.map((queue) => queue.name)
	};
	return lists[q.groupBy];
}

/** Display label of a group value (Bahasa Indonesia; the pages translate their own). */
export function groupLabel(c: Pick<Container, 'reference'>, g: GroupBy | null, v: string): string {
	if (g === 'province') return c.reference.provinces.find((p) => p.code === v)?.name ?? v;
	if (g === 'issueType') return c.reference.issueTypes.find((t) => t.code === v)?.labelId ?? v;
	return v;
}

function perVillages(s: TrendSeries, villages: number): TrendSeries {
	const scale = (values: MeasureValues): MeasureValues =>
		Object.fromEntries(
			Object.entries(values).map(([m, v]) => [m, perHundredVillages(v ?? null, villages)])
		);
	return { ...s, points: s.points.map(scale), total: scale(s.total) };
}

/** The trend of a parsed query, from the rollups. */
export async function computeTrend(c: TrendDeps, q: ParsedTrendQuery): Promise<TrendResult> {
	await c.rollups.flush();
	const db = c.database.db;
	const samples = q.measures.includes('chats.firstResponseP90');
	const base = {
		from: q.from,
		to: q.to,
		granularity: q.granularity,
		filter: q.filter,
		scope: q.scope
	};
	const totalRows = await sumCells(db, { ...base, groupBy: null }, samples);
	const groupRows = q.groupBy ? await sumCells(db, { ...base, groupBy: q.groupBy }, samples) : [];
	const periods = periodsIn(q.from, q.to, q.granularity);
	const result = trendOfRows(q, periods, totalRows, groupRows, groupsOf(c, q));
	if (!q.perVillages) return result;
	const villages = new Map(c.reference.provinces.map((p) => [p.code, p.villages]));
	const listed = q.scope?.provinces;
	const all = c.reference.provinces
		.filter((p) => !listed || listed.includes(p.code))
		.reduce((n, p) => n + p.villages, 0);
	return {
		...result,
		total: perVillages(
			result.total,
			q.filter.province ? (villages.get(q.filter.province) ?? 0) : all
		),
		groups: result.groups.map((s) => perVillages(s, villages.get(s.group) ?? 0))
	};
}

export interface TrendBody {
	asOf: string;
	timeZone: 'Asia/Jakarta';
	from: string;
	to: string;
	granularity: ParsedTrendQuery['granularity'];
	groupBy: GroupBy | null;
	measures: ParsedTrendQuery['measures'];
	per: 'villages' | null;
	filter: ParsedTrendQuery['filter'];
	periods: { start: string; label: string }[];
	total: TrendSeries;
	groups: (TrendSeries & { label: string })[];
}

/** The response body of a computed trend. */
export function trendBody(
	c: Pick<Container, 'reference'>,
	q: ParsedTrendQuery,
	t: TrendResult,
	now: number
): TrendBody {
	return {
		asOf: toWibIso(now),
		timeZone: 'Asia/Jakarta',
		from: toWibIso(q.from),
		to: toWibIso(q.to),
		granularity: q.granularity,
		groupBy: q.groupBy,
		measures: q.measures,
		per: q.perVillages ? 'villages' : null,
		filter: q.filter,
		periods: t.periods.map((p) => ({ start: toWibIso(p), label: periodLabel(p, q.granularity) })),
		total: t.total,
		groups: t.groups.map((s) => ({ ...s, label: groupLabel(c, q.groupBy, s.group) }))
	};
}

/** The whole `GET /api/v1/trends` answer: status and body. */
export async function trendsAnswer(
	c: TrendDeps & Pick<Container, 'clock' | 'config'>,
	params: URLSearchParams,
	scope?: TrendScope
): Promise<{ status: number; body: TrendBody | { error: { code: string; message: string } } }> {
	const now = c.clock.now();
	const parsed = parseTrendQuery(params, now, c.config.trendsMaxRangeDays);
	if (!parsed.ok)
		return { status: 400, body: { error: { code: 'invalid_query', message: parsed.message } } };
	const problem = filterProblem(parsed.query.filter, scope, c);
	if (problem?.status === 400)
		return { status: 400, body: { error: { code: 'invalid_query', message: problem.message } } };
	if (problem)
		return { status: 403, body: { error: { code: 'forbidden', message: problem.message } } };
	const q = { ...parsed.query, scope };
	const trend = await computeTrend(c, q);
	return { status: 200, body: trendBody(c, q, trend, now) };
}
