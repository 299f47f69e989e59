/**
 * A user's scope on trends (issue 5 §2, issue 6 "within the user's scope"): the provinces and
 * issue types the principal covers narrow every sum, grouping, drill-down and export; a
 * filter naming something outside them is refused.
 */
import type { MetricsFilter } from '../../../domain/metrics/figures';
import type { Principal } from '../../../domain/access/principal';
import { issueTypesOf, provincesOf } from '../../../domain/access/scope';
import type { TrendScope } from '../../repositories/trend.repository';

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

/** True when a placed item is inside the scope (unknown places are national only). */
export function inScope(
	item: { province: string; issueType: string },
	scope: TrendScope | undefined
): boolean {
	const p = scope?.provinces;
	const i = scope?.issueTypes;
	return (!p || p.includes(item.province)) && (!i || i.includes(item.issueType));
}
