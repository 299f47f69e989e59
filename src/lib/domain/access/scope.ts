/**
 * Scope arithmetic (issue 5 §2): what part of the country and which issue types a principal
 * covers, and which walls it may watch. Pure; the server forces these filters, never the client.
 */
import { NATIONAL_ROLES, type Principal, type Scope, type WallTarget } from './principal';

/** A piece of data placed in the country: a case, a wall cell, a contact. */
export interface Placed {
	province: string | null;
	issueType: string | null;
}

/** True when the principal covers every province (national), given its role. */
export function coversAllProvinces(p: Principal): boolean {
	if (p.kind === 'display') return p.wall.province === null;
	if (p.scope.provinces.length > 0) return false;
	// An issue-type-only scope is "these issue types, everywhere" for any role.
	return NATIONAL_ROLES.includes(p.role) || p.scope.issueTypes.length > 0;
}

/** True when the principal covers every issue type. */
export function coversAllIssueTypes(p: Principal): boolean {
	if (p.kind === 'display') return p.wall.issueType === null;
	if (p.scope.issueTypes.length > 0) return false;
	return NATIONAL_ROLES.includes(p.role) || p.scope.provinces.length > 0;
}

/** The provinces a principal covers, or null for all of them. */
export function provincesOf(p: Principal): readonly string[] | null {
	if (coversAllProvinces(p)) return null;
	if (p.kind === 'display') return p.wall.province === null ? [] : [p.wall.province];
	return p.scope.provinces;
}

/** The issue types a principal covers, or null for all of them. */
export function issueTypesOf(p: Principal): readonly string[] | null {
	if (coversAllIssueTypes(p)) return null;
	if (p.kind === 'display') return p.wall.issueType === null ? [] : [p.wall.issueType];
	return p.scope.issueTypes;
}

/** Does the principal's scope contain this item? Unplaced items belong to national scope only. */
export function covers(p: Principal, item: Placed): boolean {
	const provinces = provincesOf(p);
	const issueTypes = issueTypesOf(p);
	const inProvince =
		provinces === null || (item.province !== null && provinces.includes(item.province));
	const inIssue =
		issueTypes === null || (item.issueType !== null && issueTypes.includes(item.issueType));
	return inProvince && inIssue;
}

/**
 * May the principal watch the wall of this target (a metrics room)? A wall filtered to
 * nothing (`province: null`) shows every province, so it needs national cover in that
 * dimension; a display token watches exactly the wall it was made for.
 */
export function mayWatch(p: Principal, target: WallTarget): boolean {
	if (p.kind === 'display') {
		return p.wall.province === target.province && p.wall.issueType === target.issueType;
	}
	const provinces = provincesOf(p);
	const issueTypes = issueTypesOf(p);
	const provinceOk =
		provinces === null || (target.province !== null && provinces.includes(target.province));
	const issueOk =
		issueTypes === null || (target.issueType !== null && issueTypes.includes(target.issueType));
	return provinceOk && issueOk;
}

/**
 * The wall a principal lands on when it asks for none: national if it may, else its first
 * province (and first issue type when it is limited to some), else null (nothing to show).
 */
export function defaultWall(p: Principal): WallTarget | null {
	if (p.kind === 'display') return p.wall;
	const provinces = provincesOf(p);
	const issueTypes = issueTypesOf(p);
	const target = {
		province: provinces === null ? null : (provinces[0] ?? null),
		issueType: issueTypes === null ? null : (issueTypes[0] ?? null)
	};
	return mayWatch(p, target) ? target : null;
}

/** Two scopes are equal as sets (the order of codes does not matter). */
export function sameScope(a: Scope, b: Scope): boolean {
	const same = (x: readonly string[], y: readonly string[]) =>
		x.length === y.length && x.every((v) => y.includes(v));
	return same(a.provinces, b.provinces) && same(a.issueTypes, b.issueTypes);
}
