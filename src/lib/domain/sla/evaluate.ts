/**
 * SLA states of a case at an instant (sla.md §States, and when they change): on_track → at_risk
 * (elapsed ≥ threshold × target) → breached (elapsed ≥ target, not met); met / met_late.
 */
import type { BusinessCalendar } from '../calendar/business-calendar';
import { clipStops, reachAt, type ClockStop } from './clock';
import { atRiskPercentOf, type SlaPolicy } from './policy';
import { assertValidInput } from './input';
import type { CaseClockInput, CaseSlaStatus, SlaState, SlaTargetStatus } from './types';

export { SlaInputError } from './input';

const MINUTE_MS = 60_000;

export interface TargetClock {
	startedAt: number;
	targetMinutes: number;
	atRiskPercent: number;
	/** Instant the target was met, or null. Facts after `now` are not known yet and ignored. */
	metAt: number | null;
	/** Spans in which this clock does not run (pauses); the first-response clock has none. */
	stops: readonly ClockStop[];
}

export interface TargetEvaluation {
	status: SlaTargetStatus;
	/** The next instant the state changes by time alone; null when met, breached or paused. */
	nextTransitionAt: number | null;
}

/**
 * One target's status at `now` (sla.md §States). `dueAt`/`atRiskAt` are the instants elapsed
 * time reaches the target and the at-risk threshold. While paused, the instants not yet reached
 * are projected as if the clock resumed at `now`: the state is frozen and no transition is due,
 * since only an event (the reporter's answer) can move it. A target met exactly at `dueAt` is
 * `met_late`: the breach had already happened at that instant.
 */
export function evaluateTarget(
	clock: TargetClock,
	cal: BusinessCalendar,
	now: number
): TargetEvaluation {
	const metAt = clock.metAt !== null && clock.metAt <= now ? clock.metAt : null;
	const horizon = metAt ?? Math.max(now, clock.startedAt);
	const spans = clipStops(clock.stops, clock.startedAt, horizon);
	const targetMs = Math.round(clock.targetMinutes * MINUTE_MS);
	const dueAt = reachAt(cal, clock.startedAt, spans, targetMs);
	const riskMs = Math.round((targetMs * clock.atRiskPercent) / 100);
	const atRiskAt = reachAt(cal, clock.startedAt, spans, riskMs);
	const paused =
		metAt === null && clock.stops.some((s) => s.from <= now && (s.to ?? Infinity) > now);
	const state = stateAt(now, metAt, dueAt, atRiskAt);
	const next = metAt !== null || paused ? null : nextChange(state, atRiskAt, dueAt);
	return { status: { state, dueAt, atRiskAt, metAt, paused }, nextTransitionAt: next };
}

/** A running clock's next change: on_track → at_risk → breached, then nothing. */
function nextChange(state: SlaState, atRiskAt: number | null, dueAt: number | null): number | null {
	if (state === 'on_track') return atRiskAt;
	return state === 'at_risk' ? dueAt : null;
}

function stateAt(
	now: number,
	metAt: number | null,
	dueAt: number | null,
	atRiskAt: number | null
): SlaState {
	if (metAt !== null) return dueAt === null || metAt < dueAt ? 'met' : 'met_late';
	if (dueAt !== null && now >= dueAt) return 'breached';
	if (atRiskAt !== null && now >= atRiskAt) return 'at_risk';
	return 'on_track';
}

/**
 * Both targets of a case under `policy` at `now` (sla.md §Policies, §States). First response
 * never pauses; resolution stops during `pauses` and `resolvedPeriods`, so a reopen continues
 * the same clock. A case resolved without a recorded reply counts its resolution as the first
 * response: a closed case runs no clock. Throws `SlaInputError` on inconsistent input.
 */
export function evaluateCase(
	input: CaseClockInput,
	policy: SlaPolicy,
	cal: BusinessCalendar,
	now: number
): CaseSlaStatus {
	assertValidInput(input, now);
	const atRiskPercent = atRiskPercentOf(policy);
	const firstResponse = evaluateTarget(
		{
			startedAt: input.openedAt,
			targetMinutes: policy.firstResponseMinutes,
			atRiskPercent,
			metAt: input.firstRespondedAt ?? input.resolvedAt,
			stops: []
		},
		cal,
		now
	);
	const resolution = evaluateTarget(
		{
			startedAt: input.openedAt,
			targetMinutes: policy.resolutionMinutes,
			atRiskPercent,
			metAt: input.resolvedAt,
			stops: [...input.pauses, ...(input.resolvedPeriods ?? [])]
		},
		cal,
		now
	);
	const next = [firstResponse.nextTransitionAt, resolution.nextTransitionAt].filter(
		(t) => t !== null
	);
	return {
		firstResponse: firstResponse.status,
		resolution: resolution.status,
		nextTransitionAt: next.length > 0 ? Math.min(...next) : null
	};
}
