/**
 * Cases and their history (issue 3). Every change is `update … where id = $1 and version = $2`
 * (optimistic concurrency: of two writers who saw the same version, exactly one updates a row),
 * in the caller's transaction together with its history rows.
 */
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db';
import { caseCounters, caseEvents, cases, regencies, villages } from '../db/schema';

export type CaseRecord = typeof cases.$inferSelect;
export type NewCaseRecord = typeof cases.$inferInsert;
export type CaseEventRecord = typeof caseEvents.$inferSelect;
export type NewCaseEventRecord = typeof caseEvents.$inferInsert;

/** What the scheduler and the work queue keep of an open case (no free text, no reporter). */
const summaryColumns = {
	id: cases.id,
	number: cases.number,
	version: cases.version,
	status: cases.status,
	provinceCode: cases.provinceCode,
	issueType: cases.issueType,
	priority: cases.priority,
	channel: cases.channel,
	subject: cases.subject,
	assigneeId: cases.assigneeId,
	teamId: cases.teamId,
	policyId: cases.policyId,
	receivedAt: cases.receivedAt,
	createdAt: cases.createdAt,
	firstResponseAt: cases.firstResponseAt,
	resolvedAt: cases.resolvedAt,
	closedAt: cases.closedAt,
	pauses: cases.pauses,
	resolvedPeriods: cases.resolvedPeriods
};
export type CaseSummaryRecord = Pick<CaseRecord, keyof typeof summaryColumns>;

const OPEN = ['new', 'assigned', 'in_progress', 'waiting_on_reporter'];

/** The next number of `year`'s counter (atomic: concurrent creations never share one). */
export async function nextCaseNumber(db: Db, year: number): Promise<number> {
	const [row] = await db
		.insert(caseCounters)
		.values({ year, last: 1 })
		.onConflictDoUpdate({ target: caseCounters.year, set: { last: sql`${caseCounters.last} + 1` } })
		.returning({ last: caseCounters.last });
	return row!.last;
}

export async function insertCase(db: Db, row: NewCaseRecord): Promise<CaseRecord> {
	const [inserted] = await db.insert(cases).values(row).returning();
	return inserted!;
}

/** A case by id or by number (`K-2026-000123`). */
export async function findCase(db: Db, idOrNumber: string): Promise<CaseRecord | null> {
	const [row] = await db
		.select()
		.from(cases)
		.where(or(eq(cases.id, idOrNumber), eq(cases.number, idOrNumber)))
		.limit(1);
	return row ?? null;
}

/** Applies `patch` only if the case is still at `version`; the new row, or null (conflict). */
export async function updateCaseIfVersion(
	db: Db,
	id: string,
	version: number,
	patch: Partial<NewCaseRecord>
): Promise<CaseRecord | null> {
	const [row] = await db
		.update(cases)
		.set({ ...patch, version: sql`${cases.version} + 1` })
		.where(and(eq(cases.id, id), eq(cases.version, version)))
		.returning();
	return row ?? null;
}

export async function appendCaseEvents(
	db: Db,
	rows: NewCaseEventRecord[]
): Promise<CaseEventRecord[]> {
	if (rows.length === 0) return [];
	return db.insert(caseEvents).values(rows).returning();
}

export async function caseHistory(db: Db, caseId: string): Promise<CaseEventRecord[]> {
	return db
		.select()
		.from(caseEvents)
		.where(eq(caseEvents.caseId, caseId))
		.orderBy(asc(caseEvents.id));
}

export async function latestCaseEvent(db: Db, caseId: string): Promise<CaseEventRecord | null> {
	const [row] = await db
		.select()
		.from(caseEvents)
		.where(eq(caseEvents.caseId, caseId))
		.orderBy(desc(caseEvents.id))
		.limit(1);
	return row ?? null;
}

/** An instant column as epoch ms (one JSON number instead of a Date per cell). */
const ms = (column: AnyPgColumn) => sql`round(extract(epoch from ${column}) * 1000)`;

/**
 * One JSON array per row: PGlite's cost is per cell, so 50,000 open cases load in under a
 * second this way instead of several (tests/bench/sla.ts).
 */
const packed = sql<string>`json_build_array(${cases.id}, ${cases.number}, ${cases.version},
	${cases.status}, ${cases.provinceCode}, ${cases.issueType}, ${cases.priority}, ${cases.channel},
	${cases.subject}, ${cases.assigneeId}, ${cases.teamId}, ${cases.policyId}, ${ms(cases.receivedAt)},
	${ms(cases.createdAt)}, ${ms(cases.firstResponseAt)}, ${ms(cases.resolvedAt)},
	${ms(cases.closedAt)}, ${cases.pauses}, ${cases.resolvedPeriods})::text`;

/** A packed row back to a summary (Dates as the other readers give them). */
function unpack(text: string): CaseSummaryRecord {
	const r = JSON.parse(text) as unknown[];
	const date = (v: unknown) => (v === null ? null : new Date(Number(v)));
	return {
		id: r[0] as string,
		number: r[1] as string,
		version: r[2] as number,
		status: r[3] as string,
		provinceCode: r[4] as string,
		issueType: r[5] as string,
		priority: r[6] as string,
		channel: r[7] as string,
		subject: r[8] as string,
		assigneeId: r[9] as string | null,
		teamId: r[10] as string | null,
		policyId: r[11] as string,
		receivedAt: date(r[12])!,
		createdAt: date(r[13])!,
		firstResponseAt: date(r[14]),
		resolvedAt: date(r[15]),
		closedAt: date(r[16]),
		pauses: r[17] as CaseSummaryRecord['pauses'],
		resolvedPeriods: r[18] as CaseSummaryRecord['resolvedPeriods']
	};
}

/** Every open case, in pages (50,000 open cases must load at start in seconds). */
export async function* openCaseSummaries(
	db: Db,
	pageSize = 10_000
): AsyncGenerator<CaseSummaryRecord[]> {
	let after = '';
	for (;;) {
		const page = await db
			.select({ row: packed })
			.from(cases)
			.where(and(inArray(cases.status, OPEN), sql`${cases.id} > ${after}`))
			.orderBy(asc(cases.id))
			.limit(pageSize);
		if (page.length === 0) return;
		const rows = page.map((p) => unpack(p.row));
		yield rows;
		after = rows[rows.length - 1]!.id;
	}
}

export interface CaseQuery {
	statuses: string[];
	province?: string;
	issueType?: string;
	team?: string;
	/** An agent id, or null for unassigned. */
	assignee?: string | null;
	channel?: string;
}

/** Cases in the given statuses (resolved/closed listings), newest first, at most `limit`. */
export async function queryCaseSummaries(
	db: Db,
	q: CaseQuery,
	limit: number
): Promise<CaseSummaryRecord[]> {
	const where: (SQL | undefined)[] = [inArray(cases.status, q.statuses)];
	if (q.province) where.push(eq(cases.provinceCode, q.province));
	if (q.issueType) where.push(eq(cases.issueType, q.issueType));
	if (q.team) where.push(eq(cases.teamId, q.team));
	if (q.channel) where.push(eq(cases.channel, q.channel));
	if (q.assignee !== undefined)
		where.push(
			q.assignee === null ? sql`${cases.assigneeId} is null` : eq(cases.assigneeId, q.assignee)
		);
	return db
		.select(summaryColumns)
		.from(cases)
		.where(and(...where))
		.orderBy(desc(cases.createdAt))
		.limit(limit);
}

/** Summaries of the given cases (bulk reassignment, refreshed rows). */
export async function caseSummaries(db: Db, ids: string[]): Promise<CaseSummaryRecord[]> {
	if (ids.length === 0) return [];
	return db.select(summaryColumns).from(cases).where(inArray(cases.id, ids));
}

export async function villageExists(db: Db, code: string): Promise<boolean> {
	const [row] = await db
		.select({ code: villages.code })
		.from(villages)
		.where(eq(villages.code, code));
	return row !== undefined;
}

export async function regencyExists(db: Db, code: string): Promise<boolean> {
	const [row] = await db
		.select({ code: regencies.code })
		.from(regencies)
		.where(eq(regencies.code, code));
	return row !== undefined;
}
