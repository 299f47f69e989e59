/**
 * The trend pages' URLs (issue 6): the page itself with one parameter changed, the drill-down
 * to the contacts or cases behind a number, the exports and the print report. The page's URL is
 * its whole state, so every view is a bookmark and every export holds what the page shows.
 */
import type { TrendsPageData, TrendView } from '../../contracts/trends';
import { toWibIso } from '../../domain/time/wib';
import { nextPeriod } from '../../domain/trends/periods';

type Params = Record<string, string | number | null | undefined>;

/** The search part without its `?` (callers write `/path?${query}`: a SvelteKit path type). */
function query(params: Params): string {
	const q = new URLSearchParams();
	for (const [k, v] of Object.entries(params))
		if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
	return q.toString();
}

/** The page's own state as URL parameters. */
export function stateOf(d: TrendsPageData): Params {
	return {
		range: d.range,
		...(d.range === 'custom' ? { from: d.from, to: d.to } : {}),
		granularity: d.granularity,
		groupBy: d.groupBy,
		measure: d.measure,
		per: d.perVillages ? 'villages' : null,
		...d.filter,
		lang: d.lang === 'en' ? 'en' : null
	};
}

/** `/trends` with some parameters changed (null removes one). */
export function trendsHref(d: TrendsPageData, change: Params): `/trends?${string}` {
	return `/trends?${query({ ...stateOf(d), ...change })}`;
}

/** The export of one view (or `all` as a workbook). */
export function exportHref(
	d: TrendsPageData,
	view: TrendView | 'all',
	format: 'csv' | 'xlsx'
): `/trends/export?${string}` {
	return `/trends/export?${query({ ...stateOf(d), lang: null, view, format })}`;
}

/** The print-ready report of the same state. */
export function reportHref(d: TrendsPageData): `/trends/report?${string}` {
	return `/trends/report?${query(stateOf(d))}`;
}

/** The start and end of period `i` of the page. */
export function periodRange(d: TrendsPageData, i: number): { from: number; to: number } {
	const start = d.periods[i]!.start;
	return { from: start, to: nextPeriod(start, d.granularity) };
}

/** The whole range of the page, [from 00:00 WIB, day after `to`). */
export function pageRange(d: TrendsPageData): { from: number; to: number } {
	const from = Date.parse(`${d.from}T00:00:00+07:00`);
	return { from, to: Date.parse(`${d.to}T00:00:00+07:00`) + 86_400_000 };
}

/** The contacts (calls, chats or cases) behind a number of [from, to) under the page filter. */
export function drillHref(
	d: TrendsPageData,
	range: { from: number; to: number },
	extra: Params = {}
): `/trends/contacts?${string}` {
	const q = query({
		...d.filter,
		from: toWibIso(range.from),
		to: toWibIso(range.to),
		...extra,
		lang: d.lang === 'en' ? 'en' : null
	});
	return `/trends/contacts?${q}`;
}

/** The audit export of the cases created in the page's range (one row per case). */
export function auditHref(
	d: TrendsPageData,
	format: 'csv' | 'xlsx'
): `/trends/export/cases?${string}` {
	const q = query({ from: d.from, to: d.to, ...d.filter, format });
	return `/trends/export/cases?${q}`;
}

/** The case work queue (another area) with the page's province and issue type. */
export function casesHref(d: TrendsPageData, extra: Params = {}): `/cases?${string}` {
	const q = query({
		province: d.filter.province,
		issueType: d.filter.issueType,
		...extra,
		lang: d.lang === 'en' ? 'en' : null
	});
	return `/cases?${q}`;
}
