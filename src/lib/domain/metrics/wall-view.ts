/**
 * The wall's view model: what the server computes for one scope (national, a province,
 * an issue type or both) and streams as a snapshot followed by sequenced deltas.
 */
import type { MetricsFigures, Thresholds } from './figures';

export interface WallScope {
	province: string | null;
	issueType: string | null;
}

export type Health = 'idle' | 'good' | 'warn' | 'bad';

/** One cell of the 38-province grid (plus `unknown`), figures for today WIB and now. */
export interface ProvinceCell {
	code: string;
	callsWaiting: number;
	chatsWaiting: number;
	contactsToday: number;
	serviceLevel: number | null;
	abandonRate: number | null;
	backlog: number;
	atRisk: number;
	breached: number;
	/** Worst of service level (vs goal) and backlog health; see health.ts. */
	health: Health;
}

export interface IssueTypeRow {
	code: string;
	contactsToday: number;
	callsWaiting: number;
	chatsWaiting: number;
	backlog: number;
	breached: number;
}

/** One minute of the last-60-minutes chart, keyed by the minute's start (epoch ms). */
export interface MinutePoint {
	minute: number;
	callsOffered: number;
	callsAnswered: number;
	callsAbandoned: number;
	chatsStarted: number;
	casesOpened: number;
}

export interface WallView {
	scope: WallScope;
	/** Today (since 00:00 WIB) plus the live "now" figures, within the scope. */
	today: MetricsFigures;
	provinces: ProvinceCell[];
	issueTypes: IssueTypeRow[];
	/** Exactly the 60 minutes ending with the current minute, oldest first. */
	series: MinutePoint[];
	thresholds: Thresholds;
}

/** A change to a WallView: sections replaced, rows upserted by key. */
export interface WallPatch {
	today?: MetricsFigures;
	provinces?: ProvinceCell[];
	issueTypes?: IssueTypeRow[];
	/** New or changed minutes; the client keeps the 60 minutes ending with the newest. */
	series?: MinutePoint[];
	thresholds?: Thresholds;
}
