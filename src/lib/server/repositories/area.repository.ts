/**
 * Official area codes for the case form's village picker and the case page (province →
 * regency → district → village, as seeded from idn-area-data). Read-only.
 */
import { asc, eq, like } from 'drizzle-orm';
import type { Db } from '../db';
import { districts, regencies, villages } from '../db/schema';

export interface AreaOption {
	code: string;
	name: string;
}

export interface VillageOption extends AreaOption {
	districtName: string;
}

/** Regencies (kabupaten/kota) of a province, by code. */
export async function regenciesOf(db: Db, provinceCode: string): Promise<AreaOption[]> {
	return db
		.select({ code: regencies.code, name: regencies.name })
		.from(regencies)
		.where(eq(regencies.provinceCode, provinceCode))
		.orderBy(asc(regencies.code));
}

/** Villages (desa/kelurahan) of a regency with their district (kecamatan), by code. */
export async function villagesOf(db: Db, regencyCode: string): Promise<VillageOption[]> {
	return db
		.select({ code: villages.code, name: villages.name, districtName: districts.name })
		.from(villages)
		.innerJoin(districts, eq(districts.code, villages.districtCode))
		.where(like(villages.code, `${regencyCode}.%`))
		.orderBy(asc(villages.code));
}

/** A village with its district and regency names, or null when the code is unknown. */
export async function villageByCode(
	db: Db,
	code: string
): Promise<{ village: string; district: string; regency: string } | null> {
	const [row] = await db
		.select({ village: villages.name, district: districts.name, regency: regencies.name })
		.from(villages)
		.innerJoin(districts, eq(districts.code, villages.districtCode))
		.innerJoin(regencies, eq(regencies.code, districts.regencyCode))
		.where(eq(villages.code, code))
		.limit(1);
	return row ?? null;
}

/** A regency's name, or null when the code is unknown. */
export async function regencyName(db: Db, code: string): Promise<string | null> {
	const [row] = await db
		.select({ name: regencies.name })
		.from(regencies)
		.where(eq(regencies.code, code))
		.limit(1);
	return row?.name ?? null;
}
