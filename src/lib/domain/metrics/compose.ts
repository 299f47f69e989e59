/**
 * Figures from a window's tally and the live state (metrics.md tables, one formula each).
 * Rates are % rounded to 1 decimal, null when the denominator is 0; durations are seconds
 * (case ages minutes) rounded to 1 decimal.
 */
import type { AgentCounts, CallMetrics, CaseMetrics, ChatMetrics, MetricsFigures } from './figures';
import { F, type Tally } from './fields';
import type { LiveTally } from './live';
import { meanSeconds, median, nearestRank, percent, round1 } from './stats';

/** No agents: all counts 0, no pause reasons. */
export function emptyAgentCounts(): AgentCounts {
	return { loggedIn: 0, available: 0, onCall: 0, paused: 0, pausedByReason: {} };
}

const sinceSeconds = (since: number | null, now: number) =>
	since === null ? null : round1(Math.max(0, now - since) / 1000);

/** metrics.md §Calls. */
export function callFigures(
	t: Tally,
	live: LiveTally,
	agents: AgentCounts,
	now: number
): CallMetrics {
	const n = t.n;
	const offered = n[F.answered]! + n[F.abandoned]! + n[F.shortAbandons]! + n[F.exited]!;
	const measured = offered - n[F.shortAbandons]!;
	const handled = n[F.handleCount]!;
	return {
		offered,
		answered: n[F.answered]!,
		answeredWithinThreshold: n[F.answeredWithinThreshold]!,
		abandoned: n[F.abandoned]!,
		shortAbandons: n[F.shortAbandons]!,
		exited: n[F.exited]!,
		serviceLevel: percent(n[F.answeredWithinThreshold]!, measured),
		abandonRate: percent(n[F.abandoned]!, measured),
		asa: meanSeconds(n[F.answeredWaitMs]!, n[F.answeredWaitCount]!),
		aht: meanSeconds(n[F.handleMs]!, handled),
		ahtIsTalkOnly: handled > 0 && n[F.handleWithHoldOrWrapUp]! === 0,
		waitingNow: live.callsWaiting,
		longestWaitNow: sinceSeconds(live.oldestCallSince, now),
		agents
	};
}

/** metrics.md §Chat; `firstResponses` are the window's first-response times in ms, ascending. */
export function chatFigures(
	t: Tally,
	live: LiveTally,
	firstResponses: number[],
	now: number
): ChatMetrics {
	const n = t.n;
	const p90 = nearestRank(firstResponses, 90);
	return {
		sessions: n[F.sessions]!,
		botSessionsEnded: n[F.botSessionsEnded]!,
		botContained: n[F.botContained]!,
		containmentRate: percent(n[F.botContained]!, n[F.botSessionsEnded]!),
		handOffs: n[F.handOffs]!,
		waitingNow: live.chatsWaiting,
		longestWaitNow: sinceSeconds(live.oldestChatSince, now),
		firstResponseMean: meanSeconds(n[F.firstResponseMs]!, n[F.firstResponseCount]!),
		firstResponseP90: p90 === null ? null : round1(p90 / 1000),
		missed: n[F.missed]!
	};
}

/** metrics.md §Tickets / cases; `ages` are the open cases' ages in minutes, ascending. */
export function caseFigures(t: Tally, live: LiveTally, ages: number[]): CaseMetrics {
	const n = t.n;
	const mid = median(ages);
	return {
		opened: n[F.casesOpened]!,
		resolved: n[F.casesResolved]!,
		backlog: live.backlog,
		atRisk: live.atRisk,
		breached: live.breached,
		firstResponseCompliance: percent(n[F.firstResponseMetInTime]!, n[F.firstResponseFellDue]!),
		resolutionCompliance: percent(n[F.resolutionMetInTime]!, n[F.resolutionFellDue]!),
		ageMedianMinutes: mid === null ? null : round1(mid),
		ageOldestMinutes: ages.length ? round1(ages[ages.length - 1]!) : null
	};
}

/** Contacts of a day in one grid cell: calls offered, chat sessions, cases opened as tickets. */
export function contactsIn(t: Tally): number {
	const n = t.n;
	const calls = n[F.answered]! + n[F.abandoned]! + n[F.shortAbandons]! + n[F.exited]!;
	return calls + n[F.sessions]! + n[F.casesOpenedAsTicket]!;
}

/** All three channels' figures from one window tally and the live state at `now`. */
export function composeFigures(
	t: Tally,
	live: LiveTally,
	agents: AgentCounts,
	ages: number[],
	now: number
): MetricsFigures {
	return {
		calls: callFigures(t, live, agents, now),
		chats: chatFigures(t, live, t.sortedValues(), now),
		cases: caseFigures(t, live, ages)
	};
}
