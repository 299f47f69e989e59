/**
 * Stored SLA transitions (sla.md §States: every transition stored once, with its instant) and
 * the notifications a breach creates, in one transaction: the unique index on (case, target,
 * to_state) makes a second recording of the same transition a no-op, so only the rows returned
 * here are new — the caller publishes those and nothing else.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { cases, notifications, slaTransitions } from '../db/schema';

export type TransitionRecord = typeof slaTransitions.$inferSelect;
export type NewTransitionRecord = typeof slaTransitions.$inferInsert;
export type NewNotificationRecord = typeof notifications.$inferInsert;

/**
 * Inserts the transitions not stored before and, for each new one `notify` answers for, its
 * notification (deduplicated by key). Returns the new transitions.
 */
export async function recordTransitions(
	db: Db,
	rows: NewTransitionRecord[],
	notify: (t: TransitionRecord) => NewNotificationRecord | null
): Promise<TransitionRecord[]> {
	if (rows.length === 0) return [];
	return db.transaction(async (tx) => {
		const added: TransitionRecord[] = [];
		for (let i = 0; i < rows.length; i += 2000) {
			added.push(
				...(await tx
					.insert(slaTransitions)
					.values(rows.slice(i, i + 2000))
					.onConflictDoNothing()
					.returning())
			);
		}
		const notes = added.map(notify).filter((n) => n !== null);
		if (notes.length) await tx.insert(notifications).values(notes).onConflictDoNothing();
		return added;
	});
}

/** `target:to_state` of every transition already stored for the given cases. */
export async function recordedTransitions(
	db: Db,
	caseIds: string[]
): Promise<Map<string, Set<string>>> {
	const out = new Map<string, Set<string>>();
	for (let i = 0; i < caseIds.length; i += 5000) {
		const rows = await db
			.select({
				caseId: slaTransitions.caseId,
				target: slaTransitions.target,
				to: slaTransitions.toState
			})
			.from(slaTransitions)
			.where(inArray(slaTransitions.caseId, caseIds.slice(i, i + 5000)));
		for (const r of rows) {
			let set = out.get(r.caseId);
			if (!set) out.set(r.caseId, (set = new Set()));
			set.add(`${r.target}:${r.to}`);
		}
	}
	return out;
}

/** Transitions of one case, oldest first (the case's history). */
export async function caseTransitions(db: Db, caseId: string): Promise<TransitionRecord[]> {
	return db
		.select()
		.from(slaTransitions)
		.where(eq(slaTransitions.caseId, caseId))
		.orderBy(slaTransitions.at, slaTransitions.id);
}

export interface BreachRecord {
	caseId: string;
	number: string;
	province: string;
	issueType: string;
	target: string;
	at: Date;
}

/** The latest breaches in a scope, newest first (the wall ticker's first paint). */
export async function latestBreaches(
	db: Db,
	scope: { province: string | null; issueType: string | null },
	limit: number
): Promise<BreachRecord[]> {
	return db
		.select({
			caseId: cases.id,
			number: cases.number,
			province: cases.provinceCode,
			issueType: cases.issueType,
			target: slaTransitions.target,
			at: slaTransitions.at
		})
		.from(slaTransitions)
		.innerJoin(cases, eq(cases.id, slaTransitions.caseId))
		.where(
			and(
				eq(slaTransitions.toState, 'breached'),
				scope.province ? eq(cases.provinceCode, scope.province) : undefined,
				scope.issueType ? eq(cases.issueType, scope.issueType) : undefined
			)
		)
		.orderBy(desc(slaTransitions.at), desc(slaTransitions.id))
		.limit(limit);
}

/** How many transitions are stored (tests and the restart check). */
export async function countTransitions(db: Db, caseId?: string): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(slaTransitions)
		.where(caseId ? eq(slaTransitions.caseId, caseId) : undefined);
	return Number(row?.n ?? 0);
}
