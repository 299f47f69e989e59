/**
 * The wall's URL is its configuration, so a regional wall is a bookmark:
 * `/wall?province=61&issueType=kopdes_lahan&lang=en`. Parsing and building live here, together.
 */
import type { WallScope } from '$contracts/metrics';
import type { Reference } from '$contracts/reference';
import { LANGS, type Lang } from '$lib/i18n';

export interface WallQuery {
	scope: WallScope;
	lang: Lang;
}

export type QueryResult = { ok: true; query: WallQuery } | { ok: false; message: string };

const PROVINCE = /^(\d{2}|unknown)$/;
const ISSUE_TYPE = /^[a-z0-9_]{1,40}$/;

/** An absent or empty parameter means "not filtered". */
function param(params: URLSearchParams, name: string): string | null {
	const value = params.get(name)?.trim();
	return value ? value : null;
}

/** Reads and checks the shape of the wall's query parameters. */
export function parseWallQuery(params: URLSearchParams): QueryResult {
	const province = param(params, 'province');
	const issueType = param(params, 'issueType');
	const lang = param(params, 'lang') ?? 'id';
	if (province !== null && !PROVINCE.test(province)) {
		return {
			ok: false,
			message: `province "${province}" must be a two-digit BPS code such as 61, or "unknown"`
		};
	}
	if (issueType !== null && !ISSUE_TYPE.test(issueType)) {
		return {
			ok: false,
			message: `issueType "${issueType}" must be an issue-type code such as kopdes_lahan`
		};
	}
	if (!(LANGS as readonly string[]).includes(lang)) {
		return { ok: false, message: `lang "${lang}" must be one of: ${LANGS.join(', ')}` };
	}
	return { ok: true, query: { scope: { province, issueType }, lang: lang as Lang } };
}

/** Checks that the scope names a province and an issue type the reference data knows. */
export function unknownScopeMessage(scope: WallScope, reference: Reference): string | null {
	const { province, issueType } = scope;
	if (province && province !== 'unknown' && !reference.provinces.some((p) => p.code === province)) {
		return `province "${province}" is not one of the ${reference.provinces.length} BPS province codes`;
	}
	if (
		issueType &&
		issueType !== 'unknown' &&
		!reference.issueTypes.some((t) => t.code === issueType)
	) {
		return `issueType "${issueType}" is not in the issue-type taxonomy`;
	}
	return null;
}

/** The wall URL for a scope and language; the defaults (national, all types, id) are left out. */
export function wallHref(scope: WallScope, lang: Lang): '/wall' | `/wall?${string}` {
	const params = new URLSearchParams();
	if (scope.province) params.set('province', scope.province);
	if (scope.issueType) params.set('issueType', scope.issueType);
	if (lang !== 'id') params.set('lang', lang);
	const query = params.toString();
	return query ? `/wall?${query}` : '/wall';
}
