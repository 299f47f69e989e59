/**
 * Dead letters (issue 4 §Dead letters): what a live adapter received and could not
 * understand, kept with its source, reason and time so nothing received is silently dropped
 * and it can be processed again after a fix.
 */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
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
}

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

/** The newest dead letters first, optionally of one source, not yet reprocessed. */
export async function listDeadLetters(
	db: Db,
	filter: { source?: string; limit?: number } = {}
): Promise<DeadLetter[]> {
	const rows = await db
		.select()
		.from(deadLetters)
		.where(
			and(
				filter.source ? eq(deadLetters.source, filter.source) : undefined,
				isNull(deadLetters.reprocessedAt)
			)
		)
		.orderBy(desc(deadLetters.id))
		.limit(filter.limit ?? 100);
	return rows.map((r) => ({
		...r,
		receivedAt: r.receivedAt.getTime(),
		reprocessedAt: r.reprocessedAt?.getTime() ?? null
	}));
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
