/**
 * Where a case is, for scope checks (issue 5 §2): an existing case by its stored place, a new
 * one by the most precise area code it names (village `61.01.01.2001`, regency `61.01` or
 * province `61`: the first two digits are the BPS province) and its issue type.
 */
import type { Placed } from './scope';

export interface NewCaseFields {
	villageCode?: unknown;
	regencyCode?: unknown;
	provinceCode?: unknown;
	issueType?: unknown;
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * The place a new case will have; null province when it names no valid area, or areas that
 * disagree (village `99.99` with province `61`): that is bad input, and the service answers it
 * with a 400 naming the field, instead of a 403 about a province nobody meant.
 */
export function placementOfNewCase(fields: NewCaseFields): Placed {
	const named = [fields.villageCode, fields.regencyCode, fields.provinceCode]
		.map(text)
		.filter((code): code is string => code !== null);
	const provinces = new Set(named.map((code) => (/^\d{2}/.test(code) ? code.slice(0, 2) : null)));
	const [province] = provinces;
	return {
		province: provinces.size === 1 && province ? province : null,
		issueType: text(fields.issueType)
	};
}
