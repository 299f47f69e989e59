/**
 * Personal API tokens and wall display tokens (issue 5 §4–5): random secrets shown once,
 * stored as SHA-256 with a short prefix to recognise them in lists, revocable.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { apiTokens, displayTokens, users } from '../db/schema';

export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type DisplayTokenRow = typeof displayTokens.$inferSelect;
type UserRow = typeof users.$inferSelect;

export async function insertApiToken(
	db: Db,
	row: Pick<typeof apiTokens.$inferInsert, 'userId' | 'name' | 'tokenHash' | 'tokenPrefix'>
): Promise<ApiTokenRow> {
	const [created] = await db.insert(apiTokens).values(row).returning();
	return created!;
}

/** An active API token with its owner, or null. */
export async function findApiToken(
	db: Db,
	tokenHash: string
): Promise<{ token: ApiTokenRow; user: UserRow } | null> {
	const [row] = await db
		.select({ token: apiTokens, user: users })
		.from(apiTokens)
		.innerJoin(users, eq(users.id, apiTokens.userId))
		.where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
		.limit(1);
	return row ?? null;
}

export async function findApiTokenById(db: Db, id: number) {
	const [row] = await db
		.select({ token: apiTokens, user: users })
		.from(apiTokens)
		.innerJoin(users, eq(users.id, apiTokens.userId))
		.where(eq(apiTokens.id, id))
		.limit(1);
	return row ?? null;
}

export async function touchApiToken(db: Db, id: number, at: Date): Promise<void> {
	await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
}

export async function listApiTokens(db: Db) {
	return db
		.select({
			id: apiTokens.id,
			name: apiTokens.name,
			tokenPrefix: apiTokens.tokenPrefix,
			userId: apiTokens.userId,
			email: users.email,
			createdAt: apiTokens.createdAt,
			lastUsedAt: apiTokens.lastUsedAt,
			revokedAt: apiTokens.revokedAt
		})
		.from(apiTokens)
		.innerJoin(users, eq(users.id, apiTokens.userId))
		.orderBy(desc(apiTokens.id));
}

export async function revokeApiToken(db: Db, id: number, at: Date): Promise<ApiTokenRow | null> {
	const [row] = await db
		.update(apiTokens)
		.set({ revokedAt: at })
		.where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
		.returning();
	return row ?? null;
}

export async function insertDisplayToken(
	db: Db,
	row: Pick<
		typeof displayTokens.$inferInsert,
		'name' | 'layout' | 'province' | 'issueType' | 'tokenHash' | 'tokenPrefix' | 'createdBy'
	>
): Promise<DisplayTokenRow> {
	const [created] = await db.insert(displayTokens).values(row).returning();
	return created!;
}

/** A display token by hash, revoked or not (a revoked one gets the "revoked" screen). */
export async function findDisplayToken(db: Db, tokenHash: string): Promise<DisplayTokenRow | null> {
	const [row] = await db
		.select()
		.from(displayTokens)
		.where(eq(displayTokens.tokenHash, tokenHash))
		.limit(1);
	return row ?? null;
}

export async function listDisplayTokens(db: Db): Promise<DisplayTokenRow[]> {
	return db.select().from(displayTokens).orderBy(desc(displayTokens.id));
}

export async function revokeDisplayToken(
	db: Db,
	id: number,
	at: Date
): Promise<DisplayTokenRow | null> {
	const [row] = await db
		.update(displayTokens)
		.set({ revokedAt: at })
		.where(and(eq(displayTokens.id, id), isNull(displayTokens.revokedAt)))
		.returning();
	return row ?? null;
}
