/**
 * Metric figures as they travel on the wire (HTTP API and socket), named as in
 * shared/spec/metrics.md in camelCase. Rates are percentages (0–100) or null when
 * their denominator is zero; durations are seconds unless the name says minutes.
 */

export interface Thresholds {
	/** Service-level threshold T, seconds of wait (default 20). */
	serviceLevelSeconds: number;
	/** Short-abandon threshold S, seconds of wait (default 5). */
	shortAbandonSeconds: number;
	/** Service-level goal, percent (default 80). */
	serviceLevelGoal: number;
}

export interface AgentCounts {
	loggedIn: number;
	available: number;
	onCall: number;
	paused: number;
	pausedByReason: Record<string, number>;
}

export interface CallMetrics {
	offered: number;
	answered: number;
	answeredWithinThreshold: number;
	abandoned: number;
	shortAbandons: number;
	exited: number;
	serviceLevel: number | null;
	abandonRate: number | null;
	asa: number | null;
	aht: number | null;
	/** True when the source gave only talk time, so AHT = talk time (metrics.md §Calls). */
	ahtIsTalkOnly: boolean;
	waitingNow: number;
	longestWaitNow: number | null;
	agents: AgentCounts;
}

export interface ChatMetrics {
	sessions: number;
	botSessionsEnded: number;
	botContained: number;
	containmentRate: number | null;
	handOffs: number;
	waitingNow: number;
	longestWaitNow: number | null;
	firstResponseMean: number | null;
	firstResponseP90: number | null;
	missed: number;
}

export interface CaseMetrics {
	opened: number;
	resolved: number;
	backlog: number;
	atRisk: number;
	breached: number;
	/** Cases whose first-response target was met in time ÷ fell due in the window, percent. */
	firstResponseCompliance: number | null;
	resolutionCompliance: number | null;
	ageMedianMinutes: number | null;
	ageOldestMinutes: number | null;
}

export interface MetricsFigures {
	calls: CallMetrics;
	chats: ChatMetrics;
	cases: CaseMetrics;
}

export interface MetricsFilter {
	province?: string;
	issueType?: string;
	channel?: 'call' | 'chat' | 'ticket';
	queue?: string;
}

/** `GET /api/v1/metrics` response body. */
export interface MetricsResponse extends MetricsFigures {
	/** ISO 8601 instant the figures were computed at. */
	asOf: string;
	from: string;
	to: string;
	filter: MetricsFilter;
	thresholds: Thresholds & { perQueue: Record<string, Thresholds> };
}
