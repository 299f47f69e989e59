/**
 * Case numbers and area codes (issue 3): `K-2026-000123` (the WIB year of creation and a
 * per-year counter); an official village code `61.01.01.2001` names its regency `61.01` and
 * province `61`.
 */

/** `K-<year>-<six digits>`; counters past 999,999 simply get longer. */
export function caseNumber(year: number, n: number): string {
	return `K-${year}-${String(n).padStart(6, '0')}`;
}

export const CASE_NUMBER = /^K-\d{4}-\d{6,}$/;

export interface AreaCodes {
	villageCode: string | null;
	regencyCode: string | null;
	provinceCode: string | null;
}

/**
 * Fills regency and province from the most precise code given. Returns the field whose code
 * contradicts a more precise one (`provinceCode` 32 with village 61.…), or null when consistent.
 */
export function deriveArea(given: Partial<AreaCodes>): {
	area: AreaCodes;
	conflict: string | null;
} {
	const village = given.villageCode ?? null;
	const regency = given.regencyCode ?? (village ? village.slice(0, 5) : null);
	const province = given.provinceCode ?? (regency ? regency.slice(0, 2) : null);
	let conflict: string | null = null;
	if (village && !village.startsWith(`${regency}.`)) conflict = 'regencyCode';
	else if (regency && !regency.startsWith(`${province}.`)) conflict = 'provinceCode';
	return { area: { villageCode: village, regencyCode: regency, provinceCode: province }, conflict };
}
