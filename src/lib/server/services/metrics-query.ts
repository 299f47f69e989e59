/**
 * `GET /api/v1/metrics` query parsing: ranges as ISO instants or WIB dates (`to` as a date
 * includes that whole day), optional dimension filters, and the limits that keep a
 * request cheap. Every problem comes back as one clear message.
 */
import { z } from 'zod';
import { DAY_MS, startOfWibDay, wibMidnight } from '../../domain/time/wib';
import type { MetricsFilter, MetricsResponse } from '../../contracts/metrics';
import type { Container } from '../container';
import { UNKNOWN } from '../../domain/events';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function instant(value: string, endOfDay: boolean): number | null {
	if (DATE.test(value)) {
		const midnight = wibMidnight(value);
		return midnight === null ? null : midnight + (endOfDay ? DAY_MS : 0);
	}
	if (!/^\d{4}-\d{2}-\d{2}T.+(Z|[+-]\d{2}:?\d{2})$/.test(value)) return null;
	const t = Date.parse(value);
	return Number.isNaN(t) ? null : t;
}

const querySchema = z
	.object({
		from: z.string().optional(),
		to: z.string().optional(),
		province: z
			.string()
			.regex(/^(\d{2}|unknown)$/, 'must be a two-digit BPS code or "unknown"')
			.optional(),
		issueType: z
			.string()
			.regex(/^[a-z0-9_]{1,40}$/, 'must be an issue-type code')
			.optional(),
		channel: z.enum(['call', 'chat', 'ticket']).optional(),
		queue: z.string().min(1).max(80).optional()
	})
	.strict();

export type MetricsQuery = MetricsFilter & { from: number; to: number };

export function parseMetricsQuery(
	params: URLSearchParams,
	now: number,
	maxRangeDays: number
): { ok: true; query: MetricsQuery } | { ok: false; message: string } {
	const repeated = [...new Set(params.keys())].find((k) => params.getAll(k).length > 1);
	if (repeated) return { ok: false, message: `${repeated}: given more than once` };
	const parsed = querySchema.safeParse(Object.fromEntries(params));
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		const where =
			issue.path.join('.') || (issue as { keys?: string[] }).keys?.join(', ') || 'query';
		return { ok: false, message: `${where}: ${issue.message}` };
	}
	const { from: rawFrom, to: rawTo, ...filter } = parsed.data;
	const from = rawFrom === undefined ? startOfWibDay(now) : instant(rawFrom, false);
	const to = rawTo === undefined ? now + 1 : instant(rawTo, true);
	if (from === null)
		return {
			ok: false,
			message: `from: "${rawFrom}" is not a date (YYYY-MM-DD, WIB) or an ISO 8601 instant with offset`
		};
	if (to === null)
		return {
			ok: false,
			message: `to: "${rawTo}" is not a date (YYYY-MM-DD, WIB) or an ISO 8601 instant with offset`
		};
	if (to <= from) return { ok: false, message: 'to must be after from' };
	if (to - from > maxRangeDays * DAY_MS)
		return { ok: false, message: `range longer than ${maxRangeDays} days` };
	return { ok: true, query: { ...filter, from, to } };
}

/** The whole `GET /api/v1/metrics` answer: status and body. */
/** A filter naming a province, issue type or queue that does not exist is an error, not zeros. */
export function unknownFilterValue(
	filter: MetricsFilter,
	c: Pick<Container, 'reference' | 'queues'>
): string | null {
	const { province, issueType, queue } = filter;
	if (province && province !== UNKNOWN && !c.reference.provinces.some((p) => p.code === province)) {
		return `province: "${province}" is not one of the 38 BPS province codes`;
	}
	if (
		issueType &&
		issueType !== UNKNOWN &&
		!c.reference.issueTypes.some((t) => t.code === issueType)
	) {
		return `issueType: unknown issue type "${issueType}"`;
	}
	if (queue && !c.queues.some((q) => q.name === queue)) return `queue: unknown queue "${queue}"`;
	return null;
}

export async function metricsAnswer(
	c: Pick<Container, 'clock' | 'config' | 'live' | 'queues' | 'reference'>,
	params: URLSearchParams
): Promise<{
	status: number;
	body: MetricsResponse | { error: { code: string; message: string } };
}> {
	const now = c.clock.now();
	const parsed = parseMetricsQuery(params, now, c.config.maxRangeDays);
	const message = parsed.ok ? unknownFilterValue(parsed.query, c) : parsed.message;
	if (!parsed.ok || message)
		return { status: 400, body: { error: { code: 'invalid_query', message: message! } } };
	const { from, to, ...filter } = parsed.query;
	const perQueue = Object.fromEntries(
		c.queues.map((q) => [
			q.name,
			{
				serviceLevelSeconds: q.serviceLevelSeconds,
				shortAbandonSeconds: q.shortAbandonSeconds,
				serviceLevelGoal: q.serviceLevelGoal
			}
		])
	);
	const figures = await c.live.figures(parsed.query);
	return {
		status: 200,
		body: {
			asOf: new Date(now).toISOString(),
			from: new Date(from).toISOString(),
			to: new Date(to).toISOString(),
			filter,
			thresholds: { ...c.config.thresholds, perQueue },
			...figures
		}
	};
}
