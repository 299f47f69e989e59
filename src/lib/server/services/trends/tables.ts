/**
 * The export table of each trend view (issue 6 §Exports): Indonesian column labels, WIB
 * period starts, the ministry, view and period as caption. Built from the same page data the
 * page draws, so a file holds exactly the numbers on screen.
 */
import type { BreakdownRow, TrendsPageData, TrendView } from '../../../contracts/trends';
import type { ExportColumn, ExportTable, ExportValue } from '../../../domain/export/table';
import { UNKNOWN } from '../../../domain/events';
import type { Measure } from '../../../domain/trends/measures';
import { periodLabel, type Granularity } from '../../../domain/trends/periods';
import type { GroupBy, TrendResult } from '../../../domain/trends/trend';
import { toWibIso, wibClock, wibDate } from '../../../domain/time/wib';
import { trendsId as t } from '../../../i18n/trends/id';
import type { Reference } from '../../../contracts/reference';

const text = (label: string): ExportColumn => ({ label, kind: 'text' });
const num = (label: string): ExportColumn => ({ label, kind: 'number' });

/** `2026-03-25 00:00:00` WIB: sortable, unambiguous with the (WIB) in the column label. */
export const wibStamp = (t: number) => `${wibDate(t)} ${wibClock(t)}`;

/** Percentage change, one decimal; null without a previous value. */
export function changePct(current: number | null, previous: number | null): number | null {
	if (current === null || previous === null || previous === 0) return null;
	return Math.round(((current - previous) / previous) * 1000) / 10;
}

const diff = (a: number | null, b: number | null) =>
	a === null || b === null ? null : Math.round((a - b) * 100) / 100;

/** Display name of a group value in Bahasa Indonesia. */
export function groupName(ref: Reference, g: GroupBy | null, code: string): string {
	if (code === UNKNOWN) return t.unknown;
	if (g === 'province') return ref.provinces.find((p) => p.code === code)?.name ?? code;
	if (g === 'issueType') return ref.issueTypes.find((x) => x.code === code)?.labelId ?? code;
	if (g === 'channel') return t.channels[code as keyof typeof t.channels] ?? code;
	return code;
}

function caption(d: Pick<TrendsPageData, 'from' | 'to' | 'asOf'>, title: string): string[] {
	return [
		t.ministry,
		`${t.title}: ${title}`,
		t.period(d.from, d.to),
		t.printedAt(wibStamp(d.asOf))
	];
}

function periodRows(d: TrendsPageData, measures: Measure[], extra?: (i: number) => ExportValue[]) {
	return d.periods.map((p, i) => [
		p.label,
		wibStamp(p.start),
		...measures.map((m) => d.series[m as keyof TrendsPageData['series']]?.[i] ?? null),
		...(extra ? extra(i) : [])
	]);
}

function ranked(rows: BreakdownRow[]): BreakdownRow[] {
	return [...rows].sort(
		(a, b) => (b.current ?? -Infinity) - (a.current ?? -Infinity) || (a.code < b.code ? -1 : 1)
	);
}

function breakdownTable(d: TrendsPageData): ExportTable {
	const label = `${t.measures[d.measure]}${d.perVillages ? ` — ${t.perVillages}` : ''}`;
	const rows = ranked(d.breakdown).map((r, i) => [
		i + 1,
		r.code,
		groupName(d.reference, d.groupBy, r.code),
		r.current,
		r.previous,
		diff(r.current, r.previous),
		changePct(r.current, r.previous),
		...(d.groupBy === 'province' ? [r.villages] : [])
	]);
	const title = `${t.sections.breakdown} ${t.groupBy[d.groupBy].toLowerCase()}`;
	return {
		name: t.sections.breakdown,
		caption: caption(d, `${title} — ${label}`),
		columns: [
			num(t.cols.rank),
			text(t.cols.code),
			text(t.groupBy[d.groupBy]),
			num(label),
			num(t.cols.previous),
			num(t.cols.change),
			num(t.cols.changePct),
			...(d.groupBy === 'province' ? [num(t.cols.villages)] : [])
		],
		rows
	};
}

/** The table of one page view. */
export function viewTable(d: TrendsPageData, view: Exclude<TrendView, 'trend'>): ExportTable {
	const head = [text(t.cols.period), text(t.cols.start)];
	const s = t.sections;
	switch (view) {
		case 'volume': {
			const ms: Measure[] = ['calls.offered', 'chats.sessions', 'cases.openedAsTicket', 'contacts'];
			return {
				name: s.volume,
				caption: caption(d, s.volume),
				columns: [...head, ...ms.map((m) => num(t.measures[m]))],
				rows: periodRows(d, ms)
			};
		}
		case 'service': {
			const ms: Measure[] = ['calls.offered', 'calls.serviceLevel', 'calls.abandonRate'];
			return {
				name: 'Tingkat layanan',
				caption: caption(d, s.service),
				columns: [...head, ...ms.map((m) => num(t.measures[m])), num(`${t.goal} (%)`)],
				rows: periodRows(d, ms, () => [d.goal])
			};
		}
		case 'sla': {
			const ms: Measure[] = [
				'cases.opened',
				'cases.resolved',
				'cases.firstResponseCompliance',
				'cases.resolutionCompliance'
			];
			return {
				name: 'Kepatuhan SLA',
				caption: caption(d, s.sla),
				columns: [...head, ...ms.map((m) => num(t.measures[m]))],
				rows: periodRows(d, ms)
			};
		}
		case 'breakdown':
			return breakdownTable(d);
		case 'issues':
			return {
				name: 'Jenis masalah',
				caption: caption(d, `${s.issues} (${t.previous(d.previous.from, d.previous.to)})`),
				columns: [
					text(t.cols.code),
					text(t.groupBy.issueType),
					num(`${t.measures.contacts} — ${t.cols.current}`),
					num(t.cols.previous),
					num(t.cols.change),
					num(t.cols.changePct)
				],
				rows: ranked(d.issues).map((r) => [
					r.code,
					groupName(d.reference, 'issueType', r.code),
					r.current,
					r.previous,
					diff(r.current, r.previous),
					changePct(r.current, r.previous)
				])
			};
		case 'heatmap':
			return {
				name: 'Kedatangan',
				caption: caption(d, `${s.heatmap} — ${t.measures.contacts}`),
				columns: [
					text(t.cols.weekday),
					...Array.from({ length: 24 }, (_, h) => num(`${String(h).padStart(2, '0')}:00`))
				],
				rows: d.heatmap.map((hours, day) => [t.weekdays[day]!, ...hours])
			};
		case 'backlog':
			return {
				name: 'Umur backlog',
				caption: [...caption(d, s.backlog), `${t.cols.openCases}: ${toWibIso(d.asOf)}`],
				columns: [text(t.cols.age), num(t.cols.openCases), num(t.cols.breached)],
				rows: d.backlog.map((b, i) => [t.ageBuckets[i]!, b.total, b.breached])
			};
	}
}

/** The generic trend view: the API's numbers for any measures, per period (and group). */
export function trendTable(
	ref: Reference,
	q: {
		from: number;
		to: number;
		granularity: Granularity;
		groupBy: GroupBy | null;
		measures: Measure[];
	},
	r: TrendResult,
	asOf: number
): ExportTable {
	const series = q.groupBy ? r.groups : [r.total];
	const groupCols = q.groupBy ? [text(t.cols.code), text(t.groupBy[q.groupBy])] : [];
	return {
		name: 'Tren',
		caption: caption(
			{ from: wibDate(q.from), to: wibDate(q.to - 1), asOf },
			t.granularity[q.granularity]
		),
		columns: [
			text(t.cols.period),
			text(t.cols.start),
			...groupCols,
			...q.measures.map((m) => num(t.measures[m]))
		],
		rows: series.flatMap((s) =>
			r.periods.map((p, i) => [
				periodLabel(p, q.granularity),
				wibStamp(p),
				...(q.groupBy ? [s.group, groupName(ref, q.groupBy, s.group)] : []),
				...q.measures.map((m) => s.points[i]![m] ?? null)
			])
		)
	};
}
