/**
 * Trend reads over the rollup cells: counters summed per period and group in SQL, the exact
 * first-response samples when a p90 is asked for, and the contacts behind a number. Periods
 * come back as epoch ms of their WIB start: week and month starts are computed on the cells'
 * WIB `day` column with date arithmetic, so the database's own time zone never matters.
 */
import { and, asc, eq, gte, inArray, lt, ne, sql, type Column, type SQL } from 'drizzle-orm';
import type { Channel } from '../../domain/events';
import type { MetricsFilter } from '../../domain/metrics/figures';
import type { ContactFacts } from '../../domain/metrics/facts';
import type { Grain } from '../../domain/trends/cells';
import type { Granularity } from '../../domain/trends/periods';
import type { GroupBy, SummedRow } from '../../domain/trends/trend';
import type { Db } from '../db';
import { COUNTER_NAMES, contactFacts, rollupCells } from '../db/schema';
import { unpackFacts } from './rollup.repository';

/** What a user may see (issue 5 scopes): null lists mean all; `unknown` is national only. */
export interface TrendScope {
	provinces: readonly string[] | null;
	issueTypes: readonly string[] | null;
}

export interface CellSumQuery {
	from: number;
	to: number;
	granularity: Granularity;
	groupBy: GroupBy | null;
	filter: MetricsFilter;
	scope?: TrendScope;
}

/** Conditions that keep rows inside a scope (an empty list matches nothing). */
export function scopeWhere(
	scope: TrendScope | undefined,
	province: Column,
	issueType: Column
): SQL | undefined {
	const none = sql`false`;
	const inList = (col: Column, list: readonly string[] | null) =>
		list === null ? undefined : list.length ? inArray(col, [...list]) : none;
	return and(
		inList(province, scope?.provinces ?? null),
		inList(issueType, scope?.issueTypes ?? null)
	);
}

const WIB_SECONDS = 7 * 3600;
const c = rollupCells;

/** The WIB start of a date expression, epoch ms (a timestamp without zone reads as UTC). */
const dateStart = (d: SQL) =>
	sql`((extract(epoch from (${d})::timestamp) - ${sql.raw(String(WIB_SECONDS))}) * 1000)::float8`;

function periodOf(g: Granularity): SQL {
	if (g === 'hour' || g === 'day') return sql`(extract(epoch from ${c.start}) * 1000)::float8`;
	if (g === 'week') return dateStart(sql`${c.day} - (extract(isodow from ${c.day})::int - 1)`);
	return dateStart(sql`${c.day} - (extract(day from ${c.day})::int - 1)`);
}

const GROUP_COLUMN = {
	province: c.province,
	issueType: c.issueType,
	channel: c.channel,
	queue: c.queue
} as const;

function groupOf(groupBy: GroupBy | null): SQL {
	return groupBy ? sql`${GROUP_COLUMN[groupBy]}` : sql`'all'`;
}

/** The engine's filter rule (dims.ts matchesFilter): no queue asked → total cells. */
function whereOf(q: CellSumQuery): SQL {
	const grain: Grain = q.granularity === 'hour' ? 'hour' : 'day';
	const f = q.filter;
	const queue = f.queue
		? eq(c.queue, f.queue)
		: q.groupBy === 'queue'
			? ne(c.queue, '')
			: eq(c.queue, '');
	return and(
		eq(c.grain, grain),
		gte(c.start, new Date(q.from)),
		lt(c.start, new Date(q.to)),
		f.province ? eq(c.province, f.province) : undefined,
		f.issueType ? eq(c.issueType, f.issueType) : undefined,
		f.channel ? eq(c.channel, f.channel) : undefined,
		queue,
		scopeWhere(q.scope, c.province, c.issueType)
	)!;
}

/** Counters summed per (period, group); with `samples`, the first-response samples too. */
export async function sumCells(db: Db, q: CellSumQuery, samples: boolean): Promise<SummedRow[]> {
	const period = periodOf(q.granularity);
	const group = groupOf(q.groupBy);
	const sums = Object.fromEntries(
		COUNTER_NAMES.map((name) => [name, sql<number>`sum(${c[name]})::float8`])
	);
	const rows = await db
		.select({ period: sql<number>`${period}`, group: sql<string>`${group}`, ...sums })
		.from(c)
		.where(whereOf(q))
		.groupBy(sql`1`, sql`2`);
	const out = new Map<string, SummedRow>();
	for (const r of rows) {
		const row = r as unknown as Record<string, number> & { group: string };
		const key = `${Number(row.period)}|${row.group}`;
		out.set(key, {
			period: Number(row.period),
			group: row.group,
			n: COUNTER_NAMES.map((name) => Number(row[name])),
			frt: []
		});
	}
	if (samples) {
		const withSamples = await db
			.select({ period: sql<number>`${period}`, group: sql<string>`${group}`, frt: c.frtMs })
			.from(c)
			.where(and(whereOf(q), sql`jsonb_array_length(${c.frtMs}) > 0`));
		for (const r of withSamples) out.get(`${Number(r.period)}|${r.group}`)?.frt.push(...r.frt);
	}
	return [...out.values()];
}

export interface ContactQuery {
	from: number;
	to: number;
	channel: Channel;
	province?: string;
	issueType?: string;
	scope?: TrendScope;
	limit: number;
}

/**
 * Contacts of a channel with stored facts in [from, to) under the province / issue type of
 * their total cell, earliest first (the drill-down list; the caller checks each fact).
 */
export async function contactsIn(db: Db, q: ContactQuery): Promise<ContactFacts[]> {
	const rows = await db
		.select()
		.from(contactFacts)
		.where(
			and(
				eq(contactFacts.channel, q.channel),
				lt(contactFacts.firstAt, new Date(q.to)),
				gte(contactFacts.lastAt, new Date(q.from)),
				q.province ? eq(contactFacts.province, q.province) : undefined,
				q.issueType ? eq(contactFacts.issueType, q.issueType) : undefined,
				scopeWhere(q.scope, contactFacts.province, contactFacts.issueType)
			)
		)
		.orderBy(asc(contactFacts.firstAt), asc(contactFacts.contactId))
		.limit(q.limit);
	return rows.map((row) => ({
		channel: row.channel as Channel,
		id: row.contactId,
		facts: unpackFacts(row.facts),
		chat: null
	}));
}
