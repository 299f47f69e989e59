/**
 * The Simkopdes cooperative registry as stored: cooperatives (upserted by id) and their
 * managers' phones (replaced per imported cooperative). An import is one transaction.
 */
import { count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { cooperativePhones, cooperatives, villages } from '../db/schema';
import type { CooperativeRecord } from '../ingest/registry/parse';

const CHUNK = 2000;
/** The value a conflicting insert proposed (`excluded.<column>`), for upserts. */
const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);

function chunks<T>(list: T[]): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
	return out;
}

/** Which of these village codes exist in the official `villages` table. */
export async function knownVillages(db: Db, codes: string[]): Promise<Set<string>> {
	const found = new Set<string>();
	for (const part of chunks([...new Set(codes)])) {
		const rows = await db
			.select({ code: villages.code })
			.from(villages)
			.where(inArray(villages.code, part));
		for (const r of rows) found.add(r.code);
	}
	return found;
}

/** Upserts all records and their phones in one transaction; counts new and updated ids. */
export async function saveCooperatives(
	db: Db,
	records: CooperativeRecord[],
	from: string,
	at: number
): Promise<{ inserted: number; updated: number }> {
	return db.transaction(async (tx) => {
		let existing = 0;
		for (const part of chunks(records.map((r) => r.id))) {
			const [row] = await tx
				.select({ n: count() })
				.from(cooperatives)
				.where(inArray(cooperatives.id, part));
			existing += Number(row?.n ?? 0);
		}
		for (const part of chunks(records)) {
			const rows = part.map((r) => ({
				id: r.id,
				name: r.name,
				legalNumber: r.legalNumber,
				villageCode: r.villageCode,
				importedFrom: from,
				importedAt: new Date(at)
			}));
			await tx
				.insert(cooperatives)
				.values(rows)
				.onConflictDoUpdate({
					target: cooperatives.id,
					set: {
						name: sqlExcluded('name'),
						legalNumber: sqlExcluded('legal_number'),
						villageCode: sqlExcluded('village_code'),
						importedFrom: sqlExcluded('imported_from'),
						importedAt: sqlExcluded('imported_at')
					}
				});
			await tx.delete(cooperativePhones).where(
				inArray(
					cooperativePhones.cooperativeId,
					part.map((r) => r.id)
				)
			);
			const phones = part.flatMap((r) => r.phones.map((phone) => ({ cooperativeId: r.id, phone })));
			if (phones.length) await tx.insert(cooperativePhones).values(phones);
		}
		return { inserted: records.length - existing, updated: existing };
	});
}

/** Every (phone, cooperative, village) row, for the in-memory lookup. */
export async function loadCooperativePhones(
	db: Db
): Promise<{ phone: string; id: string; villageCode: string }[]> {
	return db
		.select({
			phone: cooperativePhones.phone,
			id: cooperatives.id,
			villageCode: cooperatives.villageCode
		})
		.from(cooperativePhones)
		.innerJoin(cooperatives, eq(cooperatives.id, cooperativePhones.cooperativeId));
}

/** Changes whenever an import changed the registry (count and newest import instant). */
export async function registryVersion(db: Db): Promise<string> {
	const [row] = await db
		.select({ n: count(), at: sql<string | null>`max(${cooperatives.importedAt})::text` })
		.from(cooperatives);
	return `${row?.n ?? 0}@${row?.at ?? '-'}`;
}

export async function countCooperatives(db: Db): Promise<number> {
	const [row] = await db.select({ n: count() }).from(cooperatives);
	return Number(row?.n ?? 0);
}
