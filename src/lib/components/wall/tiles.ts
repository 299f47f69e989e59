/**
 * The ten national (or regional) tiles of the wall, as display models: value, unit, the
 * metric's definition (metrics.md: shown on every tile) and a tone judged against the
 * thresholds carried by the view, never constants.
 */
import type { Thresholds, WallView } from '$contracts/metrics';
import { formatCount, formatDuration, formatPercent, t, type Lang } from '$lib/i18n';

export const TILE_METRICS = [
	'callsWaiting',
	'longestWait',
	'serviceLevel',
	'abandonRate',
	'asa',
	'chatsWaiting',
	'botContainment',
	'openCases',
	'atRisk',
	'breached'
] as const;
export type TileMetric = (typeof TILE_METRICS)[number];

export type Tone = 'good' | 'warn' | 'bad' | 'neutral';

export interface TileModel {
	metric: TileMetric;
	label: string;
	value: string;
	unit: string;
	definition: string;
	tone: Tone;
	/** Secondary figure, e.g. short abandons or AHT; empty when none. */
	sub: string;
}

/** Service level against its goal: at or above is good, below is bad (metrics.md §Calls). */
export function serviceLevelTone(value: number | null, thresholds: Thresholds): Tone {
	if (value === null) return 'neutral';
	return value >= thresholds.serviceLevelGoal ? 'good' : 'bad';
}

/** A call already waiting longer than T will miss the service level: flag it. */
export function longestWaitTone(seconds: number | null, thresholds: Thresholds): Tone {
	if (seconds === null) return 'neutral';
	return seconds > thresholds.serviceLevelSeconds ? 'warn' : 'good';
}

/** Case counts where any is a problem (at risk → warn, breached → bad). */
export function caseTone(count: number, whenAny: 'warn' | 'bad'): Tone {
	return count > 0 ? whenAny : 'good';
}

type Values = Pick<TileModel, 'value' | 'unit' | 'tone' | 'sub'>;

/** The definition of each metric, with the thresholds in force (metrics.md, shown on tiles). */
export function tileDefinitions(th: Thresholds, lang: Lang): Record<TileMetric, string> {
	const d = t(lang).defs;
	return {
		callsWaiting: d.callsWaiting,
		longestWait: d.longestWait(th.serviceLevelSeconds),
		serviceLevel: d.serviceLevel(th.serviceLevelSeconds, th.serviceLevelGoal),
		abandonRate: d.abandonRate(th.shortAbandonSeconds),
		asa: d.asa,
		chatsWaiting: d.chatsWaiting,
		botContainment: d.botContainment,
		openCases: d.openCases,
		atRisk: d.atRisk,
		breached: d.breached
	};
}

function tileValues(view: WallView, lang: Lang): Record<TileMetric, Values> {
	const dict = t(lang);
	const { calls, chats, cases } = view.today;
	const th = view.thresholds;
	const n = (v: number | null) => formatCount(v, lang);
	const base = calls.offered - calls.shortAbandons;
	const aht = dict.sub.aht(formatDuration(calls.aht));
	return {
		callsWaiting: {
			value: n(calls.waitingNow),
			unit: '',
			tone: 'neutral',
			sub: dict.sub.agents(n(calls.agents.available), n(calls.agents.loggedIn))
		},
		longestWait: {
			value: formatDuration(calls.longestWaitNow),
			unit: dict.durationUnit,
			tone: longestWaitTone(calls.longestWaitNow, th),
			sub: ''
		},
		serviceLevel: {
			value: formatPercent(calls.serviceLevel, lang),
			unit: '%',
			tone: serviceLevelTone(calls.serviceLevel, th),
			sub: dict.sub.slCounts(n(calls.answeredWithinThreshold), n(base))
		},
		abandonRate: {
			value: formatPercent(calls.abandonRate, lang),
			unit: '%',
			tone: 'neutral',
			sub: dict.sub.shortAbandons(n(calls.shortAbandons), th.shortAbandonSeconds)
		},
		asa: {
			value: formatDuration(calls.asa),
			unit: dict.durationUnit,
			tone: 'neutral',
			sub: calls.ahtIsTalkOnly ? `${aht} (${dict.sub.ahtTalkOnly})` : aht
		},
		chatsWaiting: {
			value: n(chats.waitingNow),
			unit: '',
			tone: 'neutral',
			sub: dict.sub.chatLongest(formatDuration(chats.longestWaitNow))
		},
		botContainment: {
			value: formatPercent(chats.containmentRate, lang),
			unit: '%',
			tone: 'neutral',
			sub: dict.sub.botCounts(n(chats.botContained), n(chats.botSessionsEnded))
		},
		openCases: {
			value: n(cases.backlog),
			unit: '',
			tone: 'neutral',
			sub: dict.sub.openedResolved(n(cases.opened), n(cases.resolved))
		},
		atRisk: { value: n(cases.atRisk), unit: '', tone: caseTone(cases.atRisk, 'warn'), sub: '' },
		breached: { value: n(cases.breached), unit: '', tone: caseTone(cases.breached, 'bad'), sub: '' }
	};
}

/** Builds the tiles, in wall order, from the view's figures and thresholds. */
export function wallTiles(view: WallView, lang: Lang): TileModel[] {
	const values = tileValues(view, lang);
	const definitions = tileDefinitions(view.thresholds, lang);
	const labels = t(lang).tiles;
	return TILE_METRICS.map((metric) => ({
		metric,
		label: labels[metric],
		definition: definitions[metric],
		...values[metric]
	}));
}
