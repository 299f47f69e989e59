/**
 * Area look-ups for the case pages: the village picker (regencies of a province, villages of a
 * regency) and the readable place of a case (village, district, regency names).
 */
import type { Container } from '../container';
import {
	regenciesOf,
	regencyName,
	villageByCode,
	villagesOf,
	type AreaOption,
	type VillageOption
} from '../repositories/area.repository';

export type { AreaOption, VillageOption };

const PROVINCE = /^\d{2}$/;
const REGENCY = /^\d{2}\.\d{2}$/;

export type AreaAnswer =
	| { ok: true; regencies: AreaOption[] }
	| { ok: true; villages: VillageOption[] }
	| { ok: false; message: string };

/** `?province=61` → its regencies; `?regency=61.01` → its villages; else a message naming why. */
export async function areaOptions(c: Container, params: URLSearchParams): Promise<AreaAnswer> {
	const province = params.get('province');
	const regency = params.get('regency');
	if (regency !== null) {
		if (!REGENCY.test(regency)) return { ok: false, message: 'regency must be a code like 61.01' };
		return { ok: true, villages: await villagesOf(c.database.db, regency) };
	}
	if (province !== null && PROVINCE.test(province)) {
		return { ok: true, regencies: await regenciesOf(c.database.db, province) };
	}
	return { ok: false, message: 'give province (two digits, e.g. 61) or regency (e.g. 61.01)' };
}

/** `Desa X, Kec. Y, Kabupaten Z` for a case's village, else its regency; null when neither. */
export async function placeOf(
	c: Container,
	area: { villageCode: string | null; regencyCode: string | null }
): Promise<string | null> {
	if (area.villageCode) {
		const found = await villageByCode(c.database.db, area.villageCode);
		if (found) return `${found.village}, ${found.district}, ${found.regency}`;
	}
	return area.regencyCode ? regencyName(c.database.db, area.regencyCode) : null;
}
