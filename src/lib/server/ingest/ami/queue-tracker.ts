/**
 * The state AMI needs that queue_log does not: a queue leave (QueueCallerLeave) comes before
 * AgentConnect for an answered call, so a leave is only an exit when no connect or abandon
 * follows within LEAVE_GRACE_MS; member status events repeat, so only changes become events;
 * and after a (re)connect, QueueStatus is reconciled with what the store believes, so no caller
 * stays "waiting" forever and none is counted twice. Pure: time is an argument.
 */
import type { ExitReason } from '../../../domain/events';
import type { WireEvent } from '../../../contracts/ingest';
import { callEventId } from '../pbx-ids';
import { agentOf, callOf, eventName, instantOf, isTrue, wire } from './fields';
import { field, firstField, type AmiMessage } from './frame';
import { loginEvents, mapUserEvent, pauseEvents, STATELESS } from './map-event';
import type { QueueSnapshot } from './queue-status';

/** Asterisk writes AgentConnect microseconds after the leave; 3 s is ample. */
export const LEAVE_GRACE_MS = 3000;
/** Forget phases untouched for a day (the engine's stale limit too). */
const FORGET_AFTER_MS = 24 * 3600_000;

/** The QUEUESTATUS channel variable Queue() sets on return, as an exit reason. */
const QUEUESTATUS: Record<string, ExitReason> = {
	TIMEOUT: 'timeout',
	FULL: 'full',
	JOINEMPTY: 'joinempty',
	JOINUNAVAIL: 'joinempty',
	LEAVEEMPTY: 'empty',
	LEAVEUNAVAIL: 'empty'
};

interface Phase {
	callId: string;
	queue: string;
	enteredAt: number | null;
	/** Connected, abandoned or ended: a later leave is no exit. */
	settled: boolean;
	leftAt: number | null;
	touchedAt: number;
}

/** A call the store holds as still waiting (entered, no end) for this PBX. */
export interface BelievedWaiting {
	callId: string;
	queue: string;
}

/** A call the store holds as on an agent (connected, no completion or transfer). */
export interface BelievedOnAgent extends BelievedWaiting {
	agent: string;
}

export interface Believed {
	waiting: BelievedWaiting[];
	onAgent?: BelievedOnAgent[];
	members: { agent: string; queue: string }[];
}

export class QueueTracker {
	readonly #phases = new Map<string, Phase>();
	readonly #exitStatus = new Map<string, { reason: ExitReason; at: number }>();
	readonly #members = new Map<string, boolean>();

	/** Events for one AMI message, received at `now`; throws AmiProblem for a malformed one. */
	handle(m: AmiMessage, now: number): WireEvent[] {
		const name = eventName(m).toLowerCase();
		const at = instantOf(m, now);
		if (name === 'join' || name === 'queuecallerjoin') this.#phase(m, at).enteredAt ??= at;
		if (['agentconnect', 'queuecallerabandon', 'agentcomplete'].includes(name))
			this.#phase(m, at).settled = true;
		if (name === 'leave' || name === 'queuecallerleave') return this.#leave(m, at);
		if (name === 'queuememberstatus') return this.#memberStatus(m, at);
		if (name === 'varset') return this.#varSet(m, at);
		if (name === 'userevent') return mapUserEvent(m, at) ?? [];
		const events = STATELESS[name]?.(m, at) ?? [];
		for (const e of events) if (e.type.startsWith('agent.')) this.#noteMember(e);
		return events;
	}

	/** Exits of leaves that no connect or abandon followed within the grace period. */
	flush(now: number): WireEvent[] {
		const out: WireEvent[] = [];
		for (const [key, p] of this.#phases) {
			if (p.leftAt !== null && !p.settled && now - p.leftAt >= LEAVE_GRACE_MS) {
				p.settled = true;
				const reason = this.#exitStatus.get(p.callId)?.reason ?? 'unknown';
				const wait = p.enteredAt === null ? undefined : Math.round((p.leftAt - p.enteredAt) / 1000);
				const id = callEventId(p.callId, p.queue, 'ended');
				out.push(
					wire(id, p.leftAt, {
						type: 'call.exited',
						callId: p.callId,
						queue: p.queue,
						reason,
						waitSeconds: wait
					})
				);
			}
			if (now - p.touchedAt > FORGET_AFTER_MS) this.#phases.delete(key);
		}
		for (const [id, s] of this.#exitStatus)
			if (now - s.at > FORGET_AFTER_MS) this.#exitStatus.delete(id);
		return out;
	}

	/**
	 * Events that make the store agree with QueueStatus at `now`: callers waiting now are
	 * entered (a duplicate when already known); callers the store holds as waiting that the PBX
	 * no longer lists left while Sigap could not see (an exit of unknown reason, under a
	 * `:reconciled` id so queue_log's exact end, if it comes, is stored too and wins by being
	 * earlier); calls the store holds as on an agent whose agent QueueStatus shows on no call
	 * (or no longer lists) ended unseen: the same `:reconciled` exit, which ends the agent's part
	 * with no talk time (call-phases.ts), and a real completion, received later, still wins;
	 * members are logged in with their pause state, missing ones logged out.
	 */
	reconcile(snapshot: QueueSnapshot, believed: Believed, now: number): WireEvent[] {
		const out: WireEvent[] = [];
		const waitingNow = new Set(snapshot.waiting.map((w) => key(w.callId, w.queue)));
		for (const w of snapshot.waiting) {
			const at = now - w.waitSeconds * 1000;
			const p = this.#ensure(w.callId, w.queue, at);
			p.enteredAt ??= at;
			out.push(
				wire(callEventId(w.callId, w.queue, 'entered'), at, {
					type: 'call.entered',
					callId: w.callId,
					queue: w.queue,
					caller: w.caller
				})
			);
		}
		for (const b of believed.waiting) {
			const p = this.#phases.get(key(b.callId, b.queue));
			if (waitingNow.has(key(b.callId, b.queue)) || p?.settled || p?.leftAt != null) continue;
			out.push(
				wire(`call:${b.callId}:${b.queue}:reconciled`, now, {
					type: 'call.exited',
					...b,
					reason: 'unknown'
				})
			);
		}
		// An agent on a call in any queue, or of unknown device state, may still be on this one.
		const mayBeOnCall = new Set(
			snapshot.members.filter((m) => m.inCall !== false).map((m) => m.agent)
		);
		for (const b of believed.onAgent ?? []) {
			if (mayBeOnCall.has(b.agent) || waitingNow.has(key(b.callId, b.queue))) continue;
			out.push(
				wire(`call:${b.callId}:${b.queue}:reconciled`, now, {
					type: 'call.exited',
					callId: b.callId,
					queue: b.queue,
					reason: 'unknown'
				})
			);
		}
		const members = new Set(snapshot.members.map((m) => key(m.agent, m.queue)));
		for (const m of snapshot.members) {
			out.push(
				...loginEvents(m.agent, m.queue, true, now),
				...pauseEvents(m.agent, m.queue, m.paused, m.reason, now)
			);
			this.#members.set(key(m.agent, m.queue), m.paused);
		}
		for (const b of believed.members) {
			if (members.has(key(b.agent, b.queue))) continue;
			out.push(...loginEvents(b.agent, b.queue, false, now));
			this.#members.delete(key(b.agent, b.queue));
		}
		return out;
	}

	/** Calls with a leave not yet decided: reconciliation leaves them to flush(). */
	get pendingLeaves(): number {
		return [...this.#phases.values()].filter((p) => p.leftAt !== null && !p.settled).length;
	}

	#phase(m: AmiMessage, at: number): Phase {
		const { callId, queue } = callOf(m);
		return this.#ensure(callId, queue, at);
	}

	#ensure(callId: string, queue: string, at: number): Phase {
		const k = key(callId, queue);
		let p = this.#phases.get(k);
		if (!p) {
			p = { callId, queue, enteredAt: null, settled: false, leftAt: null, touchedAt: at };
			this.#phases.set(k, p);
		}
		p.touchedAt = Math.max(p.touchedAt, at);
		return p;
	}

	#leave(m: AmiMessage, at: number): WireEvent[] {
		const p = this.#phase(m, at);
		if (!p.settled) p.leftAt ??= at;
		return [];
	}

	#varSet(m: AmiMessage, at: number): WireEvent[] {
		if (field(m, 'Variable')?.trim().toUpperCase() !== 'QUEUESTATUS') return [];
		const reason = QUEUESTATUS[field(m, 'Value')?.trim().toUpperCase() ?? ''];
		const callId = firstField(m, 'Uniqueid', 'UniqueID')?.trim();
		if (reason && callId) this.#exitStatus.set(callId, { reason, at });
		return [];
	}

	/** QueueMemberStatus repeats on every device change: only a new member or pause state counts. */
	#memberStatus(m: AmiMessage, at: number): WireEvent[] {
		const agent = agentOf(m);
		const queue = field(m, 'Queue')?.trim();
		if (!agent || !queue) return [];
		const paused = isTrue(field(m, 'Paused'));
		const known = this.#members.get(key(agent, queue));
		this.#members.set(key(agent, queue), paused);
		if (known === paused) return [];
		const reason = firstField(m, 'PausedReason', 'Reason');
		const login = known === undefined ? loginEvents(agent, queue, true, at) : [];
		return [...login, ...pauseEvents(agent, queue, paused, reason, at)];
	}

	#noteMember(e: WireEvent): void {
		if (!('agent' in e) || !('queue' in e) || !e.agent || !e.queue) return;
		const k = key(e.agent, e.queue);
		if (e.type === 'agent.logged_out') this.#members.delete(k);
		else if (e.type === 'agent.paused') this.#members.set(k, true);
		else if (e.type === 'agent.unpaused' || !this.#members.has(k)) this.#members.set(k, false);
	}
}

const key = (a: string, b: string) => `${a}\u0000${b}`;
