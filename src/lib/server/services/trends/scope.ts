/**
 * A user's scope on trends (issue 5 §2, issue 6 "within the user's scope"): the provinces and
 * issue types the principal covers narrow every sum, grouping, drill-down and export; a
 * filter naming something outside them is refused.
 */
import type { MetricsFilter } from '../../../domain/metrics/figures';
import type { Principal } from '../../../domain/access/principal';
import { issueTypesOf, provincesOf } from '../../../domain/access/scope';
import type { TrendScope } from '../../repositories/trend.repository';
import type { Container } from '../../container';
import { unknownFilterValue } from '../metrics-query';

/** The scope that covers nothing: every sum empty, every named filter refused. */
export const NO_SCOPE: TrendScope = Object.freeze({
	provinces: Object.freeze([]),
	issueTypes: Object.freeze([])
});

/**
 * The scope of the asking principal, for the trend routes. No principal (the gate did not run
 * or set none) is nothing, never national: a route reached without one fails closed. Services
 * called without a scope at all (CLI, benchmark, tests of the bare service) stay national.
 */
export function trendScopeOf(p: Principal | null | undefined): TrendScope {
	if (!p) return NO_SCOPE;
	return { provinces: provincesOf(p), issueTypes: issueTypesOf(p) };
}

/** Why the filter reaches outside the scope, or null when it does not. */
export function outsideScope(filter: MetricsFilter, scope: TrendScope | undefined): string | null {
	const p = scope?.provinces;
	const i = scope?.issueTypes;
	if (p && filter.province && !p.includes(filter.province))
		return `province ${filter.province} is outside your scope`;
	if (i && filter.issueType && !i.includes(filter.issueType))
		return `issue type ${filter.issueType} is outside your scope`;
	return null;
}

/**
 * Why a trend filter is refused, or null: a province or issue type that does not exist is a
 * 400 naming the field (the same check as `GET /api/v1/metrics`), one outside the scope a 403.
 */
export function filterProblem(
	filter: MetricsFilter,
	scope: TrendScope | undefined,
	c: Pick<Container, 'reference'>
): { status: 400 | 403; message: string } | null {
	const named = { province: filter.province, issueType: filter.issueType };
	const unknown = unknownFilterValue(named, { reference: c.reference, queues: [] });
	if (unknown) return { status: 400, message: unknown };
	const outside = outsideScope(filter, scope);
	return outside ? { status: 403, message: outside } : null;
}

/** True when a placed item is inside the scope (unknown places are national only). */
export function inScope(
	item: { province: string; issueType: string },
	scope: TrendScope | undefined
): boolean {
	const p = scope?.provinces;
	const i = scope?.issueTypes;
	return (!p || p.includes(item.province)) && (!i || i.includes(item.issueType));
}
