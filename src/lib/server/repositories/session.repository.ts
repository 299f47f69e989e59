/**
 * Sessions: a browser session of a user or the long-lived cookie of a wall display. Only a
 * SHA-256 of the cookie value is stored; the lookup joins what the principal is made from.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { displayTokens, sessions, users } from '../db/schema';

export type SessionRow = typeof sessions.$inferSelect;
export type DisplayTokenRow = typeof displayTokens.$inferSelect;
export type UserRow = typeof users.$inferSelect;

export interface SessionLookup {
	session: SessionRow;
	user: UserRow | null;
	display: DisplayTokenRow | null;
}

export async function insertSession(
	db: Db,
	row: Pick<
		typeof sessions.$inferInsert,
		'tokenHash' | 'userId' | 'displayTokenId' | 'address' | 'userAgent' | 'createdAt' | 'lastSeenAt'
	>
): Promise<SessionRow> {
	const [created] = await db.insert(sessions).values(row).returning();
	return created!;
}

/** The session with this hash, its user or display token, or null (revoked ones too). */
export async function findSession(db: Db, tokenHash: string): Promise<SessionLookup | null> {
	const [row] = await db
		.select({ session: sessions, user: users, display: displayTokens })
		.from(sessions)
		.leftJoin(users, eq(users.id, sessions.userId))
		.leftJoin(displayTokens, eq(displayTokens.id, sessions.displayTokenId))
		.where(eq(sessions.tokenHash, tokenHash))
		.limit(1);
	return row ?? null;
}

export async function findSessionById(db: Db, id: number): Promise<SessionLookup | null> {
	const [row] = await db
		.select({ session: sessions, user: users, display: displayTokens })
		.from(sessions)
		.leftJoin(users, eq(users.id, sessions.userId))
		.leftJoin(displayTokens, eq(displayTokens.id, sessions.displayTokenId))
		.where(eq(sessions.id, id))
		.limit(1);
	return row ?? null;
}

export async function touchSession(db: Db, id: number, at: Date): Promise<void> {
	await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

/** Revokes sessions by id; returns the ids actually revoked now. */
export async function revokeSessions(db: Db, ids: number[], at: Date): Promise<number[]> {
	if (ids.length === 0) return [];
	const rows = await db
		.update(sessions)
		.set({ revokedAt: at })
		.where(and(inArray(sessions.id, ids), isNull(sessions.revokedAt)))
		.returning({ id: sessions.id });
	return rows.map((r) => r.id);
}

/** Revokes every open session of a user ("sign out everywhere"). */
export async function revokeUserSessions(db: Db, userId: number, at: Date): Promise<number[]> {
	const rows = await db
		.update(sessions)
		.set({ revokedAt: at })
		.where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
		.returning({ id: sessions.id });
	return rows.map((r) => r.id);
}

/** Revokes the cookies of a display token's TVs. */
export async function revokeDisplaySessions(db: Db, tokenId: number, at: Date): Promise<number[]> {
	const rows = await db
		.update(sessions)
		.set({ revokedAt: at })
		.where(and(eq(sessions.displayTokenId, tokenId), isNull(sessions.revokedAt)))
		.returning({ id: sessions.id });
	return rows.map((r) => r.id);
}
