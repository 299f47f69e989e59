/**
 * Agent states (metrics.md §Calls, "agents"), folded from each agent's events in instant order
 * so late events land where they belong. An agent in two queues is one agent in totals.
 */
import { UNKNOWN, type AgentEvent } from '../events';
import { insertSorted } from './context';

export interface AgentStatus {
	/** Logged in without naming a queue (e.g. AGENTCALLBACKLOGIN). */
	loggedInAll: boolean;
	queues: Set<string>;
	/** Pause reason of a pause in all queues, or null. */
	pausedAll: string | null;
	pausedIn: Map<string, string>;
}

export interface AgentRecord {
	/** State folded from events pruned away (see compact). */
	base: AgentStatus;
	events: AgentEvent[];
	status: AgentStatus;
	/** Instant of the agent's latest event, compacted or not. */
	lastAt: number;
}

const RANK: Record<AgentEvent['type'], number> = {
	'agent.logged_out': 0,
	'agent.logged_in': 1,
	'agent.unpaused': 2,
	'agent.paused': 3
};

function compare(a: AgentEvent, b: AgentEvent): number {
	const qa = a.queue ?? '';
	const qb = b.queue ?? '';
	return a.at - b.at || RANK[a.type] - RANK[b.type] || (qa < qb ? -1 : qa > qb ? 1 : 0);
}

function emptyStatus(): AgentStatus {
	return { loggedInAll: false, queues: new Set(), pausedAll: null, pausedIn: new Map() };
}

function copy(s: AgentStatus): AgentStatus {
	return { ...s, queues: new Set(s.queues), pausedIn: new Map(s.pausedIn) };
}

/** An agent seen for the first time: logged out, not paused. */
export function newAgent(): AgentRecord {
	return { base: emptyStatus(), events: [], status: emptyStatus(), lastAt: -Infinity };
}

/** Adds a login/logout/pause/unpause and refolds the agent's state in instant order. */
export function addAgentEvent(agent: AgentRecord, event: AgentEvent): void {
	insertSorted(agent.events, event, compare);
	agent.status = agent.events.reduce(step, copy(agent.base));
	agent.lastAt = Math.max(agent.lastAt, event.at);
}

function step(s: AgentStatus, e: AgentEvent): AgentStatus {
	const q = e.queue;
	if (e.type === 'agent.logged_in') {
		if (q) s.queues.add(q);
		else s.loggedInAll = true;
	} else if (e.type === 'agent.logged_out') {
		if (q) {
			s.queues.delete(q);
			s.pausedIn.delete(q);
		} else Object.assign(s, emptyStatus());
	} else if (e.type === 'agent.paused') {
		if (q) s.pausedIn.set(q, e.reason || UNKNOWN);
		else s.pausedAll = e.reason || UNKNOWN;
	} else if (q) {
		s.pausedIn.delete(q);
	} else {
		s.pausedAll = null;
		s.pausedIn.clear();
	}
	return s;
}

/** Folds events before `before` into the base state, so memory stays bounded. */
export function compactAgent(agent: AgentRecord, before: number): void {
	const keep = agent.events.findIndex((e) => e.at >= before);
	const old = keep < 0 ? agent.events : agent.events.slice(0, keep);
	if (old.length === 0) return;
	agent.base = old.reduce(step, copy(agent.base));
	agent.events = keep < 0 ? [] : agent.events.slice(keep);
}

/** The queues a count is about, or null for the contact-centre total. */
export type QueuePick = ((queue: string) => boolean) | null;

/** Logged in: a member of a picked queue, or logged in at all for the total. */
export function isLoggedIn(s: AgentStatus, among: QueuePick): boolean {
	if (!among) return s.loggedInAll || s.queues.size > 0;
	for (const q of s.queues) if (among(q)) return true;
	return false;
}

/**
 * The pause reason if the agent is paused for all the queues that matter (all its queues when
 * `among` is null), else null: an agent paused in one queue still takes calls from the other.
 */
export function pauseReason(s: AgentStatus, among: QueuePick): string | null {
	if (s.pausedAll !== null) return s.pausedAll;
	const queues = [...s.queues].filter((q) => !among || among(q));
	if (queues.length === 0 || !queues.every((q) => s.pausedIn.has(q))) return null;
	return s.pausedIn.get(queues.sort()[0]!)!;
}
