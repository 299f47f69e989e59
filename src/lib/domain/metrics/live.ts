/**
 * The live "now" state (metrics.md §Windows, "now"): calls and chats waiting, open cases and
 * their SLA state, computed at `now` from the engine's open sets, never from buckets.
 */
import type { CallContact } from './calls';
import { waitingPhase } from './calls';
import { slaStatusAt, type CaseContact } from './cases';
import { personQueueAt, type ChatContact } from './chats';
import type { EngineContext } from './context';
import type { Dims } from './dims';
import { STALE_AFTER_MS } from './settings';

export type CaseRisk = 'ok' | 'at_risk' | 'breached';

export interface LiveSink {
	callWaiting(dims: Dims, enteredAt: number): void;
	chatWaiting(dims: Dims, since: number): void;
	openCase(dims: Dims, c: CaseContact, risk: CaseRisk): void;
}

export interface OpenSets {
	waitingCalls: Set<CallContact>;
	waitingChats: Set<ChatContact>;
	openCases: Set<CaseContact>;
}

/** Waiting from `since` at `now`: not in the future, and not stale (STALE_AFTER_MS). */
const live = (since: number, now: number) => since <= now && now - since < STALE_AFTER_MS;

/** Feeds `sink` the live state at `now`; a waiting call is reported in its queue and total. */
export function scanLive(open: OpenSets, ctx: EngineContext, now: number, sink: LiveSink): void {
	for (const call of open.waitingCalls) {
		const phase = waitingPhase(call);
		if (!phase || !live(phase.enteredAt!, now)) continue;
		for (const dims of call.waitingDims) sink.callWaiting(dims, phase.enteredAt!);
	}
	for (const chat of open.waitingChats) {
		const since = personQueueAt(chat);
		if (since !== null && live(since, now)) sink.chatWaiting(chat.dims!, since);
	}
	for (const c of open.openCases) {
		if (c.opened!.at > now) continue;
		sink.openCase(c.dims!, c, riskAt(c, ctx, now));
	}
}

/** breached if either target is breached at `now`, else at_risk if either is; ok without SLA. */
export function riskAt(c: CaseContact, ctx: EngineContext, now: number): CaseRisk {
	const status = slaStatusAt(c, ctx, now);
	if (!status) return 'ok';
	const fr = status.firstResponse.state;
	const res = status.resolution.state;
	if (fr === 'breached' || res === 'breached') return 'breached';
	return fr === 'at_risk' || res === 'at_risk' ? 'at_risk' : 'ok';
}

/** Business age of an open case in minutes (plain elapsed minutes without an SLA evaluator). */
export function ageMinutes(c: CaseContact, ctx: EngineContext, now: number): number {
	const opened = c.opened!.at;
	if (now <= opened) return 0;
	return ctx.sla ? ctx.sla.businessMinutes(opened, now) : (now - opened) / 60_000;
}

/** The live figures of one filter or grid cell. */
export class LiveTally {
	callsWaiting = 0;
	oldestCallSince: number | null = null;
	chatsWaiting = 0;
	oldestChatSince: number | null = null;
	backlog = 0;
	atRisk = 0;
	breached = 0;
	readonly openCases: CaseContact[] = [];

	callWaiting(since: number): void {
		this.callsWaiting++;
		this.oldestCallSince = Math.min(this.oldestCallSince ?? since, since);
	}

	chatWaiting(since: number): void {
		this.chatsWaiting++;
		this.oldestChatSince = Math.min(this.oldestChatSince ?? since, since);
	}

	openCase(c: CaseContact, risk: CaseRisk, keep: boolean): void {
		this.backlog++;
		if (risk === 'at_risk') this.atRisk++;
		if (risk === 'breached') this.breached++;
		if (keep) this.openCases.push(c);
	}
}
