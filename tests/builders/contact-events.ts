/**
 * Builders of contact events and engine settings for metrics tests (DESIGN.md habit 8): a fixed
 * clock in WIB, small fluent builders per contact, and a 24/7 fake SLA evaluator.
 */
import type {
	AgentEvent,
	CallEvent,
	CaseEvent,
	ChatEvent,
	ContactEvent,
	ExitReason
} from '../../src/lib/domain/events';
import type { MetricsSettings, QueueSettings } from '../../src/lib/domain/metrics/settings';
import type { Thresholds } from '../../src/lib/domain/metrics/figures';
import type {
	CaseClockInput,
	CaseSlaEvaluator,
	CaseSlaStatus,
	SlaTargetStatus
} from '../../src/lib/domain/sla/types';

/** Epoch ms of a WIB wall time, e.g. `wib('2026-03-25 09:00')` or with seconds. */
export function wib(local: string): number {
	const t = Date.parse(`${local.replace(' ', 'T')}${local.length <= 16 ? ':00' : ''}+07:00`);
	if (Number.isNaN(t)) throw new Error(`wib(): not a WIB time: ${local}`);
	return t;
}

export const SECOND = 1000;
export const MINUTE = 60_000;
export const HOUR = 3_600_000;

export const PROVINCES = ['11', '31', '61'];
export const ISSUE_TYPES = ['kopdes_lahan', 'pinjaman'];

export function thresholds(over: Partial<Thresholds> = {}): Thresholds {
	return { serviceLevelSeconds: 20, shortAbandonSeconds: 5, serviceLevelGoal: 80, ...over };
}

export function queue(over: Partial<QueueSettings> = {}): QueueSettings {
	return { name: 'Queue', issueType: null, thresholds: thresholds(), ...over };
}

/** Three provinces, two issue types, default thresholds, no queues unless given. */
export function testSettings(over: Partial<MetricsSettings> = {}): MetricsSettings {
	return {
		defaults: thresholds(),
		queues: {},
		provinces: [...PROVINCES],
		issueTypes: [...ISSUE_TYPES],
		...over
	};
}

/** One call's events: `aCall('c1').in('q1').enteredAt(t).answered(12, 'a1').completed(90)`. */
export class CallBuilder {
	private queueId = 'q1';
	private t = 0;
	private enteredAtMs = 0;
	readonly list: CallEvent[] = [];

	constructor(readonly callId: string) {}

	in(queueId: string): this {
		this.queueId = queueId;
		return this;
	}

	enteredAt(at: number, more: { province?: string; issueType?: string } = {}): this {
		this.t = this.enteredAtMs = at;
		this.list.push({ type: 'call.entered', callId: this.callId, queue: this.queueId, at, ...more });
		return this;
	}

	/** Connected after `wait` seconds in queue; the PBX's wait is given unless `withWait` false. */
	answered(wait: number, agent = 'a1', withWait = true): this {
		this.t = this.enteredAtMs + wait * SECOND;
		const waitSeconds = withWait ? wait : undefined;
		const e = { type: 'call.connected', callId: this.callId, queue: this.queueId, at: this.t };
		this.list.push({
			...e,
			agent,
			...(waitSeconds === undefined ? {} : { waitSeconds })
		} as CallEvent);
		return this;
	}

	completed(talk: number, more: { holdSeconds?: number; wrapUpSeconds?: number } = {}): this {
		this.t += talk * SECOND;
		this.list.push({
			type: 'call.completed',
			callId: this.callId,
			queue: this.queueId,
			at: this.t,
			talkSeconds: talk,
			by: 'caller',
			...more
		});
		return this;
	}

	/** A transfer `after` seconds after the last event (no CONNECT line needed). */
	transferred(after: number, more: { waitSeconds?: number; talkSeconds?: number } = {}): this {
		this.t += after * SECOND;
		const base = { callId: this.callId, queue: this.queueId, at: this.t };
		this.list.push({ type: 'call.transferred', ...base, agent: 'a1', ...more });
		return this;
	}

	abandoned(wait: number): this {
		this.t = this.enteredAtMs + wait * SECOND;
		const base = { callId: this.callId, queue: this.queueId, at: this.t };
		this.list.push({ type: 'call.abandoned', ...base, waitSeconds: wait });
		return this;
	}

	exited(wait: number, reason: ExitReason = 'timeout'): this {
		this.t = this.enteredAtMs + wait * SECOND;
		const base = { callId: this.callId, queue: this.queueId, at: this.t };
		this.list.push({ type: 'call.exited', ...base, reason, waitSeconds: wait });
		return this;
	}

	classified(at: number, more: { province?: string; issueType?: string }): this {
		this.list.push({ type: 'call.classified', callId: this.callId, at, ...more });
		return this;
	}

	events(): CallEvent[] {
		return [...this.list];
	}
}

export const aCall = (callId: string) => new CallBuilder(callId);

/** One chat session's events. */
export class ChatBuilder {
	readonly list: ChatEvent[] = [];
	constructor(readonly sessionId: string) {}

	started(
		at: number,
		more: { contact?: string; province?: string; issueType?: string; bot?: boolean } = {}
	): this {
		this.list.push({ type: 'chat.started', sessionId: this.sessionId, at, bot: true, ...more });
		return this;
	}
	handedOff(at: number): this {
		this.list.push({ type: 'chat.handed_off', sessionId: this.sessionId, at });
		return this;
	}
	replied(at: number, agent = 'a1'): this {
		this.list.push({ type: 'chat.agent_replied', sessionId: this.sessionId, at, agent });
		return this;
	}
	ended(at: number, by: 'bot' | 'agent' | 'contact' | 'system' = 'bot'): this {
		this.list.push({ type: 'chat.ended', sessionId: this.sessionId, at, by });
		return this;
	}
	events(): ChatEvent[] {
		return [...this.list];
	}
}

export const aChat = (sessionId: string) => new ChatBuilder(sessionId);

/** One case's events. */
export class CaseBuilder {
	readonly list: CaseEvent[] = [];
	constructor(readonly caseId: string) {}

	opened(
		at: number,
		more: { province?: string; issueType?: string; origin?: 'call' | 'chat' | 'ticket' } = {}
	): this {
		this.list.push({ type: 'case.opened', caseId: this.caseId, at, ...more });
		return this;
	}
	responded(at: number): this {
		this.list.push({ type: 'case.responded', caseId: this.caseId, at });
		return this;
	}
	resolved(at: number): this {
		this.list.push({ type: 'case.resolved', caseId: this.caseId, at });
		return this;
	}
	closed(at: number): this {
		this.list.push({ type: 'case.closed', caseId: this.caseId, at });
		return this;
	}
	reopened(at: number): this {
		this.list.push({ type: 'case.reopened', caseId: this.caseId, at });
		return this;
	}
	waiting(at: number): this {
		this.list.push({ type: 'case.waiting', caseId: this.caseId, at });
		return this;
	}
	resumed(at: number): this {
		this.list.push({ type: 'case.resumed', caseId: this.caseId, at });
		return this;
	}
	events(): CaseEvent[] {
		return [...this.list];
	}
}

export const aCase = (caseId: string) => new CaseBuilder(caseId);

export function agentEvent(
	type: AgentEvent['type'],
	agent: string,
	at: number,
	more: { queue?: string; reason?: string } = {}
): AgentEvent {
	return { type, agent, at, ...more } as AgentEvent;
}

/** Flattens builders and events into one list. */
export function eventsOf(
	...parts: (ContactEvent | { events(): ContactEvent[] })[]
): ContactEvent[] {
	return parts.flatMap((p) => ('events' in p ? p.events() : [p]));
}

/**
 * A 24/7 SLA evaluator in plain minutes: due = opened + target (resolution clock stopped in
 * resolvedPeriods), at risk at 80 %, met in time when met strictly before due.
 */
export function fakeSla(firstResponseMinutes: number, resolutionMinutes: number): CaseSlaEvaluator {
	return {
		evaluate(input: CaseClockInput, now: number): CaseSlaStatus {
			const stopped = (input.resolvedPeriods ?? []).reduce((s, p) => s + p.to - p.from, 0);
			const fr = target(input.openedAt, firstResponseMinutes, input.firstRespondedAt, now);
			const res = target(input.openedAt + stopped, resolutionMinutes, input.resolvedAt, now);
			const next = [fr, res]
				.flatMap((t) => (t.metAt === null ? [t.atRiskAt!, t.dueAt!] : []))
				.filter((t) => t > now);
			return {
				firstResponse: fr,
				resolution: res,
				nextTransitionAt: next.length ? Math.min(...next) : null
			};
		},
		businessMinutes: (from, to) => Math.max(0, to - from) / MINUTE
	};
}

function target(
	start: number,
	minutes: number,
	metAt: number | null,
	now: number
): SlaTargetStatus {
	const dueAt = start + minutes * MINUTE;
	const atRiskAt = start + 0.8 * minutes * MINUTE;
	let state: SlaTargetStatus['state'];
	if (metAt !== null) state = metAt < dueAt ? 'met' : 'met_late';
	else state = now >= dueAt ? 'breached' : now >= atRiskAt ? 'at_risk' : 'on_track';
	return { state, dueAt, atRiskAt, metAt };
}
