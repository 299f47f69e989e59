/**
 * Reference data: the official area codes from idn-area-data (38 provinces, 514 regencies,
 * 7,285 districts, 83,762 villages), the issue-type taxonomy and the queues. Seeding is
 * idempotent: a table already complete is skipped; a partial one is filled (no duplicates).
 */
import { asc, count, sql } from 'drizzle-orm';
import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import type { Reference } from '../../contracts/reference';
import type { Db } from '../db';
import { districts, issueTypes, provinces, queues, regencies, villages } from '../db/schema';
import { DEFAULT_QUEUES, ISSUE_TYPES } from '../seed/taxonomy';

const CHUNK = 4000;

type AreaTable = typeof provinces | typeof regencies | typeof districts | typeof villages;

async function fill<T extends AreaTable>(
	db: Db,
	table: T,
	rows: T['$inferInsert'][]
): Promise<number> {
	const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(table as AreaTable);
	if (n >= rows.length) return 0;
	await db.transaction(async (tx) => {
		for (let i = 0; i < rows.length; i += CHUNK) {
			await tx
				.insert(table as AreaTable)
				.values(rows.slice(i, i + CHUNK))
				.onConflictDoNothing();
		}
	});
	return rows.length - n;
}

/** Seeds what is missing; returns how many rows each table gained. */
export async function seedReference(db: Db): Promise<Record<string, number>> {
	const added: Record<string, number> = {};
	added.provinces = await fill(db, provinces, await getProvinces());
	const regencyRows = (await getRegencies()).map((r) => ({
		code: r.code,
		name: r.name,
		provinceCode: r.province_code
	}));
	added.regencies = await fill(db, regencies, regencyRows);
	const districtRows = (await getDistricts()).map((d) => ({
		code: d.code,
		name: d.name,
		regencyCode: d.regency_code
	}));
	added.districts = await fill(db, districts, districtRows);
	const villageRows = (await getVillages()).map((v) => ({
		code: v.code,
		name: v.name,
		districtCode: v.district_code
	}));
	added.villages = await fill(db, villages, villageRows);
	await db
		.insert(issueTypes)
		.values(ISSUE_TYPES.map((t, i) => ({ ...t, sortOrder: i + 1 })))
		.onConflictDoNothing();
	await db
		.insert(queues)
		.values([...DEFAULT_QUEUES])
		.onConflictDoNothing();
	return added;
}

/** Provinces with their village counts, and the taxonomy, in display order. */
export async function loadReference(db: Db): Promise<Reference> {
	const provinceOf = sql<string>`substr(${villages.code}, 1, 2)`;
	const counts = await db
		.select({ code: provinceOf, n: count() })
		.from(villages)
		.groupBy(provinceOf);
	const perProvince = new Map(counts.map((r) => [r.code, Number(r.n)]));
	const provinceRows = await db.select().from(provinces).orderBy(asc(provinces.code));
	const types = await db.select().from(issueTypes).orderBy(asc(issueTypes.sortOrder));
	return {
		provinces: provinceRows.map((p) => ({ ...p, villages: perProvince.get(p.code) ?? 0 })),
		issueTypes: types.map(({ code, labelId, labelEn }) => ({ code, labelId, labelEn }))
	};
}

export type QueueRow = typeof queues.$inferSelect;

export async function loadQueues(db: Db): Promise<QueueRow[]> {
	return db.select().from(queues).orderBy(asc(queues.name));
}

export async function upsertQueue(db: Db, row: typeof queues.$inferInsert): Promise<void> {
	const { name, ...rest } = row;
	await db.insert(queues).values(row).onConflictDoUpdate({ target: queues.name, set: rest });
	void name;
}

/** Registers queues seen in traffic but never configured: label = name, issue type unknown. */
export async function registerQueues(db: Db, names: string[]): Promise<void> {
	if (names.length === 0) return;
	await db
		.insert(queues)
		.values(names.map((name) => ({ name, label: name, issueTypeCode: null })))
		.onConflictDoNothing();
}
