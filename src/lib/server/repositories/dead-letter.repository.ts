/**
 * Dead letters (issue 4 §Dead letters): what a live adapter received and could not
 * understand, kept with its source, reason and time so nothing received is silently dropped
 * and it can be processed again after a fix.
 */
import { and, asc, count, desc, eq, gt, gte, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { deadLetters } from '../db/schema';

/** Payloads are kept up to this many characters (a bigger one is cut, and the reason says so). */
export const MAX_DEAD_LETTER_CHARS = 256 * 1024;

export interface NewDeadLetter {
	source: string;
	reason: string;
	payload: string;
	receivedAt?: number;
}

export interface DeadLetter {
	id: number;
	source: string;
	reason: string;
	payload: string;
	receivedAt: number;
	reprocessedAt: number | null;
	/** Reprocessing attempts, the last one's instant, and why it still failed (if it did). */
	attempts: number;
	lastAttemptAt: number | null;
	lastReason: string | null;
}

type Row = typeof deadLetters.$inferSelect;

const toLetter = (r: Row): DeadLetter => ({
	...r,
	receivedAt: r.receivedAt.getTime(),
	reprocessedAt: r.reprocessedAt?.getTime() ?? null,
	lastAttemptAt: r.lastAttemptAt?.getTime() ?? null
});

export async function keepDeadLetter(db: Db, letter: NewDeadLetter): Promise<number> {
	const cut = letter.payload.length > MAX_DEAD_LETTER_CHARS;
	const [row] = await db
		.insert(deadLetters)
		.values({
			source: letter.source,
			reason: cut
				? `${letter.reason} (payload cut at ${MAX_DEAD_LETTER_CHARS} characters)`
				: letter.reason,
			payload: cut ? letter.payload.slice(0, MAX_DEAD_LETTER_CHARS) : letter.payload,
			...(letter.receivedAt === undefined ? {} : { receivedAt: new Date(letter.receivedAt) })
		})
		.returning({ id: deadLetters.id });
	return row!.id;
}

/** The newest dead letters first, optionally of one source (or before an id), not yet reprocessed. */
export async function listDeadLetters(
	db: Db,
	filter: { source?: string; limit?: number; before?: number } = {}
): Promise<DeadLetter[]> {
	const rows = await db
		.select()
		.from(deadLetters)
		.where(
			and(
				filter.source ? eq(deadLetters.source, filter.source) : undefined,
				filter.before ? lt(deadLetters.id, filter.before) : undefined,
				isNull(deadLetters.reprocessedAt)
			)
		)
		.orderBy(desc(deadLetters.id))
		.limit(filter.limit ?? 100);
	return rows.map(toLetter);
}

/**
 * Letters waiting to be reprocessed, oldest first (the order they were received, which chat
 * sessions need), after `afterId`: one of a source, or one by id (even if done, to say so).
 */
export async function waitingDeadLetters(
	db: Db,
	filter: { source?: string; id?: number; afterId: number; limit: number }
): Promise<DeadLetter[]> {
	const rows = await db
		.select()
		.from(deadLetters)
		.where(
			and(
				gt(deadLetters.id, filter.afterId),
				filter.source ? eq(deadLetters.source, filter.source) : undefined,
				filter.id ? eq(deadLetters.id, filter.id) : isNull(deadLetters.reprocessedAt)
			)
		)
		.orderBy(asc(deadLetters.id))
		.limit(filter.limit);
	return rows.map(toLetter);
}

/** A reprocessing attempt: done (`ok`, it leaves the waiting list) or still failing, and why. */
export async function markAttempt(
	db: Db,
	id: number,
	at: number,
	outcome: { ok: true } | { ok: false; reason: string }
): Promise<void> {
	await db
		.update(deadLetters)
		.set({
			attempts: sql`${deadLetters.attempts} + 1`,
			lastAttemptAt: new Date(at),
			lastReason: outcome.ok ? null : outcome.reason,
			...(outcome.ok ? { reprocessedAt: new Date(at) } : {})
		})
		.where(eq(deadLetters.id, id));
}

/** Waiting (not reprocessed) dead letters per source. */
export async function waitingCounts(db: Db): Promise<Map<string, number>> {
	const rows = await db
		.select({ source: deadLetters.source, n: count() })
		.from(deadLetters)
		.where(isNull(deadLetters.reprocessedAt))
		.groupBy(deadLetters.source);
	return new Map(rows.map((r) => [r.source, Number(r.n)]));
}

/** When each dead letter received since `from` arrived (the per-minute rates at start). */
export async function deadLettersSince(
	db: Db,
	from: number
): Promise<{ source: string; at: number }[]> {
	const rows = await db
		.select({ source: deadLetters.source, at: deadLetters.receivedAt })
		.from(deadLetters)
		.where(gte(deadLetters.receivedAt, new Date(from)));
	return rows.map((r) => ({ source: r.source, at: r.at.getTime() }));
}

export async function countDeadLetters(db: Db, source?: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(deadLetters)
		.where(
			and(source ? eq(deadLetters.source, source) : undefined, isNull(deadLetters.reprocessedAt))
		);
	return Number(row?.n ?? 0);
}
