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

/** The place a new case will have; null province when it names no valid area (the service says why). */
export function placementOfNewCase(fields: NewCaseFields): Placed {
	const area = text(fields.villageCode) ?? text(fields.regencyCode) ?? text(fields.provinceCode);
	const province = area && /^\d{2}/.test(area) ? area.slice(0, 2) : null;
	return { province, issueType: text(fields.issueType) };
}
