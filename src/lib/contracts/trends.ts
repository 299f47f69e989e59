/**
 * The `/trends` page data (issue 6 §Trend pages): every view of one range, with the previous
 * period of the same length for comparison. Instants are epoch ms; labels are WIB. The same
 * object feeds the page, the print report and the CSV/XLSX exports of each view.
 */
import type { MetricsFilter } from '../domain/metrics/figures';
import type { Measure } from '../domain/trends/measures';
import type { Granularity } from '../domain/trends/periods';
import type { GroupBy } from '../domain/trends/trend';
import type { Reference } from './reference';

export const RANGE_PRESETS = ['today', 'd7', 'd30', 'd90', 'month', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const TREND_VIEWS = [
	'volume',
	'service',
	'sla',
	'breakdown',
	'issues',
	'heatmap',
	'backlog',
	'trend'
] as const;
export type TrendView = (typeof TREND_VIEWS)[number];

/** The series every page draws (volume, service level, SLA compliance). */
export const PAGE_SERIES = [
	'contacts',
	'calls.offered',
	'chats.sessions',
	'cases.opened',
	'cases.openedAsTicket',
	'calls.serviceLevel',
	'calls.abandonRate',
	'cases.firstResponseCompliance',
	'cases.resolutionCompliance',
	'cases.resolved'
] as const satisfies readonly Measure[];
export type PageSeries = (typeof PAGE_SERIES)[number];

export interface BreakdownRow {
	code: string;
	current: number | null;
	previous: number | null;
	villages: number | null;
}

export interface TrendsPageData {
	lang: 'id' | 'en';
	range: RangePreset;
	/** WIB dates, `to` included. */
	from: string;
	to: string;
	previous: { from: string; to: string };
	granularity: Granularity;
	groupBy: GroupBy;
	measure: Measure;
	perVillages: boolean;
	filter: MetricsFilter;
	periods: { start: number; label: string }[];
	series: Record<PageSeries, (number | null)[]>;
	totals: Record<PageSeries, { current: number | null; previous: number | null }>;
	/** Service-level goal (%) of the filter's queue, else the default. */
	goal: number;
	/** One row per group of `groupBy`, the chosen measure (per 100 villages when asked). */
	breakdown: BreakdownRow[];
	/** Contacts per issue type, this period and the previous one. */
	issues: BreakdownRow[];
	/** Contacts per WIB weekday (0 Monday) × hour of day. */
	heatmap: number[][];
	/** Open cases now per age bucket (business days), and how many are breached. */
	backlog: { total: number; breached: number }[];
	reference: Reference;
	queues: string[];
	asOf: number;
}
