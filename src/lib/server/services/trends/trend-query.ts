/**
 * Trend query parsing for `GET /api/v1/trends`, the `/trends` pages and their exports (one
 * parser, so the same URL means the same numbers everywhere). Ranges are WIB dates (`to`
 * included) or ISO instants with offset; day, week and month trends start and end on WIB
 * midnights. Every problem is one message naming the parameter.
 */
import { z } from 'zod';
import { CHANNELS } from '../../../domain/events';
import {
	isMeasure,
	MEASURE_NAMES,
	measureKind,
	type Measure
} from '../../../domain/trends/measures';
import { GRANULARITIES, type Granularity } from '../../../domain/trends/periods';
import { GROUP_BYS, type TrendQuery } from '../../../domain/trends/trend';
import { DAY_MS, startOfWibDay, wibMidnight } from '../../../domain/time/wib';
import type { TrendScope } from '../../repositories/trend.repository';

/** Hour trends cover at most this many days (24 points a day). */
export const HOUR_MAX_DAYS = 31;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T.+(Z|[+-]\d{2}:?\d{2})$/;

export interface ParsedTrendQuery extends TrendQuery {
	/** Counts per 100 villages of each province (groupBy=province only). */
	perVillages: boolean;
	/** The asking user's scope (issue 5); absent: national. */
	scope?: TrendScope;
}

const fields = {
	from: z.string().optional(),
	to: z.string().optional(),
	granularity: z
		.enum(GRANULARITIES, { error: `must be one of: ${GRANULARITIES.join(', ')}` })
		.default('day'),
	groupBy: z.enum(GROUP_BYS, { error: `must be one of: ${GROUP_BYS.join(', ')}` }).optional(),
	measure: z.string().optional(),
	per: z.enum(['villages'], { error: 'must be "villages" (counts per 100 villages)' }).optional(),
	province: z
		.string()
		.regex(/^(\d{2}|unknown)$/, 'must be a two-digit BPS code or "unknown"')
		.optional(),
	issueType: z
		.string()
		.regex(/^[a-z0-9_]{1,40}$/, 'must be an issue-type code')
		.optional(),
	channel: z.enum(CHANNELS, { error: `must be one of: ${CHANNELS.join(', ')}` }).optional(),
	queue: z.string().min(1).max(80).optional()
};
const strictSchema = z.object(fields).strict();
const looseSchema = z.object(fields);

/** Epoch ms of a date (WIB; `end` true: the end of that day) or an ISO instant; null if neither. */
export function trendInstant(value: string, end: boolean): number | null {
	if (DATE.test(value)) {
		const midnight = wibMidnight(value);
		return midnight === null ? null : midnight + (end ? DAY_MS : 0);
	}
	if (!INSTANT.test(value)) return null;
	const t = Date.parse(value);
	return Number.isNaN(t) ? null : t;
}

function measuresOf(raw: string | undefined): Measure[] | string {
	const names = (raw ?? 'contacts')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	if (names.length === 0) return `measure: give at least one of: ${MEASURE_NAMES.join(', ')}`;
	const unknown = names.find((n) => !isMeasure(n));
	if (unknown !== undefined)
		return `measure: unknown measure "${unknown}"; known: ${MEASURE_NAMES.join(', ')}`;
	return [...new Set(names)] as Measure[];
}

type Result = { ok: true; query: ParsedTrendQuery } | { ok: false; message: string };

function rangeOf(
	raw: { from?: string; to?: string },
	g: Granularity,
	now: number,
	maxDays: number
): { from: number; to: number } | string {
	const today = startOfWibDay(now);
	const from = raw.from === undefined ? today - 29 * DAY_MS : trendInstant(raw.from, false);
	const to = raw.to === undefined ? today + DAY_MS : trendInstant(raw.to, true);
	const form = 'a date YYYY-MM-DD (WIB) or an ISO 8601 instant with offset';
	if (from === null) return `from: "${raw.from}" is not ${form}`;
	if (to === null) return `to: "${raw.to}" is not ${form}`;
	if (to <= from) return `to (${raw.to}) is before from (${raw.from})`;
	const days = (to - from) / DAY_MS;
	if (days > maxDays) return `range of ${Math.ceil(days)} days is longer than ${maxDays} days`;
	if (g === 'hour') {
		if (from % 3_600_000 || to % 3_600_000)
			return 'from and to must be whole hours for hour trends';
		if (days > HOUR_MAX_DAYS) return `hour trends cover at most ${HOUR_MAX_DAYS} days`;
	} else if (startOfWibDay(from) !== from || startOfWibDay(to) !== to) {
		return `from and to must be WIB midnights (dates) for ${g} trends`;
	}
	return { from, to };
}

/** Parses a trend query; `strict` (the API) refuses parameters it does not know. */
export function parseTrendQuery(
	params: URLSearchParams,
	now: number,
	maxRangeDays: number,
	strict = true
): Result {
	const parsed = (strict ? strictSchema : looseSchema).safeParse(Object.fromEntries(params));
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		const where =
			issue.path.join('.') || (issue as { keys?: string[] }).keys?.join(', ') || 'query';
		return { ok: false, message: `${where}: ${issue.message}` };
	}
	const { from: _f, to: _t, granularity, groupBy, measure, per, ...filter } = parsed.data;
	const range = rangeOf(parsed.data, granularity, now, maxRangeDays);
	if (typeof range === 'string') return { ok: false, message: range };
	const measures = measuresOf(measure);
	if (typeof measures === 'string') return { ok: false, message: measures };
	if (per === 'villages') {
		if (groupBy !== 'province')
			return { ok: false, message: 'per=villages needs groupBy=province' };
		const rate = measures.find((m) => measureKind(m) !== 'count');
		if (rate) return { ok: false, message: `per=villages applies to counts; ${rate} is not one` };
	}
	return {
		ok: true,
		query: {
			...range,
			granularity,
			groupBy: groupBy ?? null,
			measures,
			filter,
			perVillages: per === 'villages'
		}
	};
}
