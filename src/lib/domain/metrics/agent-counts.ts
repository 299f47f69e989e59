/**
 * Agent counts for a filter (metrics.md §Calls, "agents"). Agents serve queues, not provinces:
 * a province filter does not narrow them; a queue filter counts that queue's members; an
 * issue-type filter counts members of queues that serve it or serve no single issue type.
 */
import type { AgentCounts, MetricsFilter } from './figures';
import type { MetricsSettings } from './settings';
import { STALE_AFTER_MS } from './settings';
import { isLoggedIn, pauseReason, type AgentRecord, type QueuePick } from './agents';
import { emptyAgentCounts } from './compose';

/** agent → (call id → connect instant) of the calls it is on (answered, not yet completed). */
export type AgentCalls = Map<string, Map<string, number>>;

function pickQueues(filter: MetricsFilter, settings: MetricsSettings): QueuePick {
	const issue = filter.issueType || null;
	const queue = filter.queue || null;
	if (!issue && !queue) return null;
	const serves = (q: string) => {
		const served = settings.queues[q]?.issueType ?? null;
		return !issue || served === null || served === issue;
	};
	return (q) => (!queue || q === queue) && serves(q);
}

function onCallAt(calls: Map<string, number> | undefined, now: number): boolean {
	if (!calls) return false;
	for (const since of calls.values()) if (since <= now && now - since < STALE_AFTER_MS) return true;
	return false;
}

/**
 * An agent state nobody has confirmed for 24 h (no login, pause or call) is not "now": an
 * old log replayed today must not show 2018's agents as logged in, and the figure must not
 * depend on how much history the server happened to load at start.
 */
function isCurrent(agent: AgentRecord | undefined, now: number): agent is AgentRecord {
	return agent !== undefined && now - agent.lastAt < STALE_AFTER_MS;
}

/**
 * loggedIn, onCall, paused (by reason) and available = logged in, not paused, not on call. An
 * agent seen on a call counts as logged in to the total even if its login was never logged;
 * an agent with no event for 24 h is not counted (isCurrent).
 */
export function countAgents(
	agents: Map<string, AgentRecord>,
	agentCalls: AgentCalls,
	filter: MetricsFilter,
	settings: MetricsSettings,
	now: number
): AgentCounts {
	const counts = emptyAgentCounts();
	if (filter.channel && filter.channel !== 'call') return counts;
	const among = pickQueues(filter, settings);
	const ids = new Set([...agents.keys(), ...agentCalls.keys()]);
	for (const id of ids) {
		const agent = agents.get(id);
		const status = isCurrent(agent, now) ? agent.status : undefined;
		const onCall = onCallAt(agentCalls.get(id), now);
		const member = status ? isLoggedIn(status, among) : false;
		if (!member && !(onCall && among === null)) continue;
		counts.loggedIn++;
		const reason = status ? pauseReason(status, among) : null;
		if (onCall) counts.onCall++;
		if (reason !== null) {
			counts.paused++;
			counts.pausedByReason[reason] = (counts.pausedByReason[reason] ?? 0) + 1;
		}
		if (!onCall && reason === null) counts.available++;
	}
	return counts;
}
