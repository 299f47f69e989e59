/**
 * Ingest keys: `sgk_<source-hint>_<random>`, 32 random bytes. Only a SHA-256 of the key is
 * stored: keys are long random secrets, so a fast hash is safe (no dictionary to guess).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { ingestKeys } from '../db/schema';

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export async function createIngestKey(db: Db, source: string): Promise<string> {
	const key = `sgk_${randomBytes(32).toString('base64url')}`;
	await db
		.insert(ingestKeys)
		.values({ source, keyHash: hashKey(key), keyPrefix: key.slice(0, 10) });
	return key;
}

/** The source a key belongs to, or null for an unknown or revoked key. */
export async function sourceOfKey(db: Db, key: string): Promise<string | null> {
	const hash = hashKey(key);
	const [row] = await db
		.select({ source: ingestKeys.source, keyHash: ingestKeys.keyHash })
		.from(ingestKeys)
		.where(and(eq(ingestKeys.keyHash, hash), isNull(ingestKeys.revokedAt)))
		.limit(1);
	if (!row) return null;
	// Constant-time compare, in case the lookup path ever changes.
	return timingSafeEqual(Buffer.from(row.keyHash), Buffer.from(hash)) ? row.source : null;
}

export async function listIngestKeys(db: Db) {
	return db
		.select({
			id: ingestKeys.id,
			source: ingestKeys.source,
			keyPrefix: ingestKeys.keyPrefix,
			createdAt: ingestKeys.createdAt,
			revokedAt: ingestKeys.revokedAt
		})
		.from(ingestKeys);
}

export async function revokeIngestKey(db: Db, id: number): Promise<boolean> {
	const rows = await db
		.update(ingestKeys)
		.set({ revokedAt: new Date() })
		.where(and(eq(ingestKeys.id, id), isNull(ingestKeys.revokedAt)))
		.returning({ id: ingestKeys.id });
	return rows.length > 0;
}
