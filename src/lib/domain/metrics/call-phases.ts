/**
 * A call's queue phases rebuilt from all its events, sorted by instant, so the result does not
 * depend on arrival order (metrics.md §Calls). A phase is one queue contact: a call that enters
 * a queue again, or another queue, starts a new phase.
 */
import type { CallEvent } from '../events';

export type PhaseOutcome = 'answered' | 'abandoned' | 'exited';
type QueueEvent = Exclude<CallEvent, { type: 'call.classified' }>;

export interface CallPhase {
	queue: string;
	/** Queue entry, or null when the log holds no `call.entered` for this phase. */
	enteredAt: number | null;
	outcome: PhaseOutcome | null;
	/** End of the queue phase: connect, transfer, abandon or exit. */
	endedAt: number | null;
	/** Wait in ms: the PBX's own figure when given, else phase end − entry; null if unknown. */
	waitMs: number | null;
	agent: string | null;
	/** The agent is on this call from endedAt until doneAt (completed or transferred). */
	doneAt: number | null;
	/**
	 * doneAt comes from an exit after the connect: AMI reconciliation found the agent on no
	 * call after an outage, so the end was unseen (no talk time). A completion or transfer, in
	 * whatever order it arrives, replaces it.
	 */
	doneUnseen: boolean;
	/**
	 * talk + hold + wrap-up of a completed call, ms. metrics.md: AHT is over *completed*
	 * calls, so a transfer ends the agent's part (doneAt) but adds no handle time.
	 */
	handleMs: number | null;
	hasHoldOrWrapUp: boolean;
}

const RANK: Record<QueueEvent['type'], number> = {
	'call.entered': 0,
	'call.connected': 1,
	'call.abandoned': 2,
	'call.exited': 2,
	'call.transferred': 2,
	'call.completed': 3
};

/** Total order of a call's events, so ties on the instant do not depend on arrival. */
export function compareCallEvents(a: QueueEvent, b: QueueEvent): number {
	return (
		a.at - b.at ||
		RANK[a.type] - RANK[b.type] ||
		cmp(a.queue, b.queue) ||
		cmp(a.type, b.type) ||
		cmp(agentOf(a), agentOf(b)) ||
		num(waitOf(a)) - num(waitOf(b)) ||
		num(talkOf(a)) - num(talkOf(b))
	);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const num = (v: number | undefined) => v ?? -1;
const agentOf = (e: QueueEvent) => ('agent' in e ? (e.agent ?? '') : '');
const waitOf = (e: QueueEvent) => ('waitSeconds' in e ? e.waitSeconds : undefined);
const talkOf = (e: QueueEvent) => ('talkSeconds' in e ? e.talkSeconds : undefined);
const secondsToMs = (s: number | undefined) => (s === undefined ? null : Math.round(s * 1000));

/** The phases of one call; `events` must be sorted with compareCallEvents. */
export function buildPhases(events: QueueEvent[]): CallPhase[] {
	const phases: CallPhase[] = [];
	for (const event of events) {
		if (event.type === 'call.entered') enter(phases, event.queue, event.at);
		else endPhase(phases, event);
	}
	return phases;
}

function enter(phases: CallPhase[], queue: string, at: number): void {
	// A second entry while the phase is still open is the same queue contact.
	if (latestIn(phases, queue)?.outcome === null) return;
	phases.push(newPhase(queue, at));
}

function newPhase(queue: string, enteredAt: number | null): CallPhase {
	return {
		queue,
		enteredAt,
		outcome: null,
		endedAt: null,
		waitMs: null,
		agent: null,
		doneAt: null,
		doneUnseen: false,
		handleMs: null,
		hasHoldOrWrapUp: false
	};
}

function latestIn(phases: CallPhase[], queue: string): CallPhase | undefined {
	for (let i = phases.length - 1; i >= 0; i--) if (phases[i]!.queue === queue) return phases[i];
	return undefined;
}

/**
 * Ends the open phase of the event's queue. With no phase in that queue at all (the log starts
 * mid-call), the event opens and ends one from its own fields. A phase already ended only takes
 * the end of its answered call (completion, transfer, or an exit: the end unseen); anything
 * else is a contradiction, ignored.
 */
function endPhase(phases: CallPhase[], event: Exclude<QueueEvent, { type: 'call.entered' }>): void {
	let phase = latestIn(phases, event.queue);
	if (!phase) {
		const wait = waitOf(event);
		const end = phaseEndOf(event);
		phase = newPhase(event.queue, wait === undefined ? null : end - Math.round(wait * 1000));
		phases.push(phase);
	}
	if (phase.outcome === null) close(phase, event);
	else if (phase.outcome === 'answered' && (phase.doneAt === null || phase.doneUnseen))
		finish(phase, event);
}

/** When the queue phase ended: the connect, estimated as (end − talk) for a call with none. */
function phaseEndOf(event: Exclude<QueueEvent, { type: 'call.entered' }>): number {
	const talk = talkOf(event);
	const noConnect = event.type === 'call.completed' || event.type === 'call.transferred';
	return noConnect && talk !== undefined ? event.at - Math.round(talk * 1000) : event.at;
}

function close(phase: CallPhase, event: Exclude<QueueEvent, { type: 'call.entered' }>): void {
	phase.endedAt = phaseEndOf(event);
	phase.waitMs =
		secondsToMs(waitOf(event)) ??
		(phase.enteredAt === null ? null : Math.max(0, phase.endedAt - phase.enteredAt));
	if (event.type === 'call.abandoned') phase.outcome = 'abandoned';
	else if (event.type === 'call.exited') phase.outcome = 'exited';
	else {
		phase.outcome = 'answered';
		phase.agent = agentOf(event) || null;
		if (event.type !== 'call.connected') finish(phase, event);
	}
}

function finish(phase: CallPhase, event: QueueEvent): void {
	if (event.type === 'call.completed') {
		phase.doneAt = event.at;
		const extra = (event.holdSeconds ?? 0) + (event.wrapUpSeconds ?? 0);
		phase.handleMs = Math.round((event.talkSeconds + extra) * 1000);
		phase.hasHoldOrWrapUp = event.holdSeconds !== undefined || event.wrapUpSeconds !== undefined;
		phase.doneUnseen = false;
		phase.agent ??= event.agent ?? null;
	} else if (event.type === 'call.transferred') {
		phase.doneAt = event.at;
		phase.doneUnseen = false;
		phase.agent ??= event.agent ?? null;
	} else if (event.type === 'call.exited' && phase.doneAt === null) {
		phase.doneAt = event.at;
		phase.doneUnseen = true;
	}
}
