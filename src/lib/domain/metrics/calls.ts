/**
 * A call as the engine holds it, and what it contributes to the buckets (metrics.md §Calls).
 * Each ended phase counts in its own queue's cells; the contact-centre total (queue cells
 * TOTAL_QUEUE) counts the call once, by its last ended phase — so a call answered in its
 * second queue is answered in the total, one offered contact.
 */
import { UNKNOWN, type CallClassified, type CallEvent } from '../events';
import type { Contribution, Contributor } from './rollup';
import { buildPhases, compareCallEvents, type CallPhase } from './call-phases';
import { insertSorted, type EngineContext } from './context';
import { TOTAL_QUEUE, type Dims } from './dims';
import { F } from './fields';
import { thresholdsFor } from './settings';

type QueueEvent = Exclude<CallEvent, { type: 'call.classified' }>;

export interface CallContact extends Contributor {
	id: string;
	events: QueueEvent[];
	classified: CallClassified[];
	phases: CallPhase[];
	lastAt: number;
	/** Queue and total dims of the waiting phase, as of the last contribution pass. */
	waitingDims: Dims[];
}

/** A call seen for the first time (any of its events may come first). */
export function newCall(id: string): CallContact {
	return {
		id,
		events: [],
		classified: [],
		phases: [],
		contributions: [],
		lastAt: -Infinity,
		waitingDims: []
	};
}

/** Adds an event and rebuilds the phases from all events in instant order. */
export function addCallEvent(call: CallContact, event: CallEvent): void {
	call.lastAt = Math.max(call.lastAt, event.at);
	if (event.type === 'call.classified') {
		insertSorted(call.classified, event, compareClassified);
		return;
	}
	// Queue ids are never empty: '' is the total cell's queue.
	const queued = event.queue ? event : { ...event, queue: 'unknown' };
	insertSorted(call.events, queued, compareCallEvents);
	call.phases = buildPhases(call.events);
}

function compareClassified(a: CallClassified, b: CallClassified): number {
	const key = (e: CallClassified) => `${e.province ?? ''}\u0000${e.issueType ?? ''}`;
	return a.at - b.at || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/**
 * The IVR's latest choice wins over what the queue entry carried (the PBX's own field, or the
 * cooperative registry's province set at ingest): IVR > entry/registry > unknown. An IVR
 * `unknown` (the caller chose nothing) is no choice, so it does not hide the registry's.
 */
function given(call: CallContact, field: 'province' | 'issueType'): string | undefined {
	for (let i = call.classified.length - 1; i >= 0; i--) {
		const value = call.classified[i]![field];
		if (value && value !== UNKNOWN) return value;
	}
	for (const e of call.events) if (e.type === 'call.entered' && e[field]) return e[field];
	return undefined;
}

/** Province and issue type of one phase: IVR, else entry, else the queue's issue type. */
export function phaseDims(
	call: CallContact,
	phase: CallPhase,
	queue: string,
	ctx: EngineContext
): Dims {
	const province = ctx.codes.province(given(call, 'province'));
	const issue = given(call, 'issueType') ?? ctx.settings.queues[phase.queue]?.issueType;
	return ctx.dims.get(province, ctx.codes.issueType(issue), 'call', queue);
}

/** The ended phase the contact-centre total counts: the last one. */
export function totalPhase(call: CallContact): CallPhase | undefined {
	for (let i = call.phases.length - 1; i >= 0; i--) {
		if (call.phases[i]!.outcome !== null) return call.phases[i];
	}
	return undefined;
}

/** The phase the call is waiting in now: its last phase, if that has not ended. */
export function waitingPhase(call: CallContact): CallPhase | undefined {
	const last = call.phases[call.phases.length - 1];
	return last && last.outcome === null && last.enteredAt !== null ? last : undefined;
}

/**
 * What the call adds to the buckets (metrics.md §Calls): each ended phase in its queue at the
 * phase end, the last ended phase also in the total. Also caches the waiting phase's dims.
 */
export function callContributions(call: CallContact, ctx: EngineContext): Contribution[] {
	const out: Contribution[] = [];
	const waiting = waitingPhase(call);
	call.waitingDims = waiting
		? [phaseDims(call, waiting, waiting.queue, ctx), phaseDims(call, waiting, TOTAL_QUEUE, ctx)]
		: [];
	const total = totalPhase(call);
	for (const phase of call.phases) {
		if (phase.outcome === null) continue;
		phaseContributions(phase, phaseDims(call, phase, phase.queue, ctx), ctx, out);
		if (phase === total) {
			phaseContributions(phase, phaseDims(call, phase, TOTAL_QUEUE, ctx), ctx, out);
		}
	}
	return out;
}

/**
 * Short abandon: wait < S. A wait the source did not give and timestamps cannot tell is
 * neither short nor within T, and is left out of ASA (nothing proves it was short).
 */
function phaseContributions(
	phase: CallPhase,
	dims: Dims,
	ctx: EngineContext,
	out: Contribution[]
): void {
	const at = phase.endedAt!;
	const push = (field: number, value = 1) => out.push({ at, dims, field, value });
	const t = thresholdsFor(ctx.settings, phase.queue);
	const wait = phase.waitMs;
	if (phase.outcome === 'abandoned') {
		push(wait !== null && wait < t.shortAbandonSeconds * 1000 ? F.shortAbandons : F.abandoned);
	} else if (phase.outcome === 'exited') {
		push(F.exited);
	} else {
		push(F.answered);
		if (wait !== null) {
			if (wait <= t.serviceLevelSeconds * 1000) push(F.answeredWithinThreshold);
			push(F.answeredWaitMs, wait);
			push(F.answeredWaitCount);
		}
		if (phase.handleMs !== null) {
			push(F.handleMs, phase.handleMs);
			push(F.handleCount);
			if (phase.hasHoldOrWrapUp) push(F.handleWithHoldOrWrapUp);
		}
	}
}
