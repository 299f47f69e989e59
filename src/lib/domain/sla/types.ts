/**
 * The SLA clock's interface as the metrics engine sees it (sla.md §States). The evaluation
 * itself lives beside this file; the metrics engine only needs these shapes.
 */

export type SlaState = 'on_track' | 'at_risk' | 'breached' | 'met' | 'met_late';

export interface SlaTargetStatus {
	state: SlaState;
	/** Instant the target falls due (epoch ms); null when the clock cannot end (no business time). */
	dueAt: number | null;
	atRiskAt: number | null;
	/** Instant the target was met (first response, or resolution), or null. */
	metAt: number | null;
	/**
	 * True while the clock is stopped (waiting on the reporter): the state is frozen and
	 * `dueAt`/`atRiskAt` are projected as if the clock resumed now. Optional for compatibility.
	 */
	paused?: boolean;
}

export interface CaseClockInput {
	openedAt: number;
	firstRespondedAt: number | null;
	/** Latest resolution if the case is currently resolved/closed; null while open. */
	resolvedAt: number | null;
	/** Intervals spent in `waiting_on_reporter` (resolution clock paused); `to` null = still waiting. */
	pauses: { from: number; to: number | null }[];
	/**
	 * Earlier resolved/closed spans that a reopen ended. The resolution clock does not run in
	 * them, so a reopen continues it where it stopped (sla.md §Policies). Omitted: none known.
	 */
	resolvedPeriods?: { from: number; to: number }[];
	/**
	 * The policy fixed at the case's creation (a policy change applies to new cases); when it
	 * is absent or unknown, the policy is matched by issue type, priority and channel.
	 */
	policyId?: string;
	issueType: string;
	priority: 'low' | 'normal' | 'high' | 'urgent';
	channel: 'call' | 'chat' | 'ticket';
}

export interface CaseSlaStatus {
	firstResponse: SlaTargetStatus;
	resolution: SlaTargetStatus;
	/** The next instant either state changes by the passing of time alone, or null. */
	nextTransitionAt: number | null;
}

export interface CaseSlaEvaluator {
	evaluate(input: CaseClockInput, now: number): CaseSlaStatus;
	/** Business minutes between two instants on the policy's calendar (case age). */
	businessMinutes(from: number, to: number): number;
}
