/**
 * The table view of each trend chart, as cells with their drill-down links (issue 6: every
 * chart has a table view, every number drills down). Same numbers as the exports (tables.ts
 * on the server builds those from the same page data).
 */
import type { TrendsPageData } from '../../contracts/trends';
import { measureChannel, type Measure } from '../../domain/trends/measures';
import { UNKNOWN } from '../../domain/events';
import type { TrendsDictionary } from '../../i18n/trends';
import { formatChange, formatMeasure } from './format';
import { drillHref, pageRange, periodRange } from './links';
import type { TableCell } from './types';

type Resolve = (href: `/trends/contacts?${string}`) => string;

/** The drill-down parameters of a measure: its channel (none for all contacts). */
export function channelOf(m: Measure): { channel?: string } {
	const channel = measureChannel(m);
	return channel ? { channel } : {};
}

/** One row per period: the period, then each measure linked to its contacts. */
export function periodRows(
	d: TrendsPageData,
	measures: Measure[],
	resolve: Resolve,
	testid = ''
): TableCell[][] {
	return d.periods.map((p, i) => [
		{ text: p.label },
		...measures.map((m) => {
			const value = d.series[m as keyof TrendsPageData['series']]?.[i] ?? null;
			return {
				text: formatMeasure(value, m, d.lang),
				numeric: true,
				href: value ? resolve(drillHref(d, periodRange(d, i), channelOf(m))) : undefined,
				testid: testid ? `${testid}-${i}-${m}` : undefined
			};
		})
	]);
}

/** A group's name in the reader's language. */
export function groupName(d: TrendsPageData, dict: TrendsDictionary, code: string): string {
	if (code === UNKNOWN) return dict.unknown;
	if (d.groupBy === 'province')
		return d.reference.provinces.find((p) => p.code === code)?.name ?? code;
	if (d.groupBy === 'issueType') {
		const t = d.reference.issueTypes.find((x) => x.code === code);
		return t ? (d.lang === 'en' ? t.labelEn : t.labelId) : code;
	}
	if (d.groupBy === 'channel') return dict.channels[code as keyof typeof dict.channels] ?? code;
	return code;
}

/** The ranking: groups by the chosen measure, highest first, with the previous period. */
export function breakdownRows(
	d: TrendsPageData,
	dict: TrendsDictionary,
	resolve: Resolve
): TableCell[][] {
	const sorted = [...d.breakdown].sort(
		(a, b) => (b.current ?? -Infinity) - (a.current ?? -Infinity) || (a.code < b.code ? -1 : 1)
	);
	return sorted.map((r, i) => [
		{ text: String(i + 1), numeric: true },
		{ text: r.code },
		{ text: groupName(d, dict, r.code) },
		{
			text: formatMeasure(r.current, d.measure, d.lang, d.perVillages),
			numeric: true,
			href: resolve(drillHref(d, pageRange(d), { ...channelOf(d.measure), [d.groupBy]: r.code })),
			testid: `rank-${r.code}`
		},
		{ text: formatMeasure(r.previous, d.measure, d.lang, d.perVillages), numeric: true },
		{ text: formatChange(r.current, r.previous, d.lang), numeric: true },
		...(d.groupBy === 'province' ? [{ text: String(r.villages ?? '—'), numeric: true }] : [])
	]);
}

/** Issue types: contacts this period and the previous one, largest first. */
export function issueRows(
	d: TrendsPageData,
	dict: TrendsDictionary,
	resolve: Resolve
): TableCell[][] {
	const name = (code: string) => groupName({ ...d, groupBy: 'issueType' }, dict, code);
	return [...d.issues]
		.sort((a, b) => (b.current ?? 0) - (a.current ?? 0) || (a.code < b.code ? -1 : 1))
		.map((r) => [
			{ text: name(r.code) },
			{
				text: formatMeasure(r.current, 'contacts', d.lang),
				numeric: true,
				href: r.current ? resolve(drillHref(d, pageRange(d), { issueType: r.code })) : undefined
			},
			{ text: formatMeasure(r.previous, 'contacts', d.lang), numeric: true },
			{ text: formatChange(r.current, r.previous, d.lang), numeric: true }
		]);
}
