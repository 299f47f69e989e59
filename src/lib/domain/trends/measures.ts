/**
 * The measures a trend can show: every windowed figure of metrics.md, read from figures that
 * compose.ts computes from summed cell counters — the one set of formulas the wall uses.
 * Live-only figures (waiting now, backlog, agents) have no history and are not measures.
 */
import { composeFigures, contactsIn, emptyAgentCounts } from '../metrics/compose';
import { F, FIRST_RESPONSE_VALUE, Tally } from '../metrics/fields';
import type { MetricsFigures } from '../metrics/figures';
import { LiveTally } from '../metrics/live';
import type { Channel } from '../events';

/** count: additive, may be shown per 100 villages; percent: 0–100; seconds: a duration. */
export type MeasureKind = 'count' | 'percent' | 'seconds';

interface MeasureDef {
	kind: MeasureKind;
	/** The channel the measure is about (null: all channels). */
	channel: Channel | null;
	read(f: MetricsFigures, t: Tally): number | null;
}

const count = (channel: Channel | null, read: MeasureDef['read']): MeasureDef => ({
	kind: 'count',
	channel,
	read
});
const pct = (channel: Channel, read: MeasureDef['read']): MeasureDef => ({
	kind: 'percent',
	channel,
	read
});
const secs = (channel: Channel, read: MeasureDef['read']): MeasureDef => ({
	kind: 'seconds',
	channel,
	read
});

/** Measure names are the figure paths of the metrics API (`calls.serviceLevel`). */
export const MEASURES = {
	contacts: count(null, (_f, t) => contactsIn(t)),
	'calls.offered': count('call', (f) => f.calls.offered),
	'calls.answered': count('call', (f) => f.calls.answered),
	'calls.answeredWithinThreshold': count('call', (f) => f.calls.answeredWithinThreshold),
	'calls.abandoned': count('call', (f) => f.calls.abandoned),
	'calls.shortAbandons': count('call', (f) => f.calls.shortAbandons),
	'calls.exited': count('call', (f) => f.calls.exited),
	'calls.serviceLevel': pct('call', (f) => f.calls.serviceLevel),
	'calls.abandonRate': pct('call', (f) => f.calls.abandonRate),
	'calls.asa': secs('call', (f) => f.calls.asa),
	'calls.aht': secs('call', (f) => f.calls.aht),
	'chats.sessions': count('chat', (f) => f.chats.sessions),
	'chats.botSessionsEnded': count('chat', (f) => f.chats.botSessionsEnded),
	'chats.botContained': count('chat', (f) => f.chats.botContained),
	'chats.containmentRate': pct('chat', (f) => f.chats.containmentRate),
	'chats.handOffs': count('chat', (f) => f.chats.handOffs),
	'chats.firstResponseMean': secs('chat', (f) => f.chats.firstResponseMean),
	'chats.firstResponseP90': secs('chat', (f) => f.chats.firstResponseP90),
	'chats.missed': count('chat', (f) => f.chats.missed),
	'cases.opened': count('ticket', (f) => f.cases.opened),
	/** Cases that came in as tickets or letters: the ticket channel's share of `contacts`. */
	'cases.openedAsTicket': count('ticket', (_f, t) => t.n[F.casesOpenedAsTicket]!),
	'cases.resolved': count('ticket', (f) => f.cases.resolved),
	'cases.firstResponseCompliance': pct('ticket', (f) => f.cases.firstResponseCompliance),
	'cases.resolutionCompliance': pct('ticket', (f) => f.cases.resolutionCompliance)
} as const satisfies Record<string, MeasureDef>;

export type Measure = keyof typeof MEASURES;
export const MEASURE_NAMES = Object.keys(MEASURES) as Measure[];

export function isMeasure(name: string): name is Measure {
	return Object.hasOwn(MEASURES, name);
}

export function measureKind(m: Measure): MeasureKind {
	return MEASURES[m].kind;
}

export function measureChannel(m: Measure): Channel | null {
	return MEASURES[m].channel;
}

/** True when a measure needs the first-response samples (only the p90 does). */
export function needsSamples(measures: readonly Measure[]): boolean {
	return measures.includes('chats.firstResponseP90');
}

/** Counters summed over cells plus their first-response samples, as a window's Tally. */
export function tallyOf(n: ArrayLike<number>, samples: readonly number[] = []): Tally {
	const t = new Tally();
	for (let i = 0; i < t.n.length; i++) t.n[i] = n[i] ?? 0;
	for (const v of samples) t.addOne(FIRST_RESPONSE_VALUE, v);
	return t;
}

/** The windowed figures of a tally (live parts empty: trends have no "now"). */
export function figuresOfTally(t: Tally): MetricsFigures {
	return composeFigures(t, new LiveTally(), emptyAgentCounts(), [], 0);
}

/** The values of `measures` for one tally. */
export function measureValues(t: Tally, measures: readonly Measure[]): (number | null)[] {
	const f = figuresOfTally(t);
	return measures.map((m) => MEASURES[m].read(f, t));
}

/** A count per 100 villages, two decimals; null without villages or for non-counts. */
export function perHundredVillages(value: number | null, villages: number): number | null {
	if (value === null || villages <= 0) return null;
	return Math.round((value / villages) * 100 * 100) / 100;
}
