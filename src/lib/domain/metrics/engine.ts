/**
 * The live metrics engine (metrics.md): contact events in, figures and wall views out. Pure:
 * time is always an argument. Counters live in per-minute and per-WIB-day buckets (rollup.ts);
 * live values come from the open sets at `now` (live.ts).
 */
import {
	contactIdOf,
	type CallEvent,
	type CaseEvent,
	type ChatEvent,
	type ContactEvent
} from '../events';
import type { CaseSlaEvaluator } from '../sla/types';
import { addAgentEvent, newAgent, type AgentRecord } from './agents';
import { countAgents, type AgentCalls } from './agent-counts';
import { addCallEvent, callContributions, newCall, waitingPhase, type CallContact } from './calls';
import { addCaseEvent, caseContributions, isOpen, newCase, type CaseContact } from './cases';
import { addChatEvent, chatContributions, isWaiting, newChat, type ChatContact } from './chats';
import { composeFigures } from './compose';
import { makeContext, type EngineContext } from './context';
import { DimsTable, matchesFilter } from './dims';
import { Tally } from './fields';
import type { MetricsFigures, MetricsFilter } from './figures';
import { ageMinutes, LiveTally, scanLive, type OpenSets } from './live';
import { pruneEngine } from './prune';
import { Rollup } from './rollup';
import { CONTAINMENT_RETURN_MS, type MetricsSettings } from './settings';
import { buildWallView } from './wall';
import type { WallScope, WallView } from './wall-view';

export { emptyFigures } from './empty';

export type FiguresQuery = MetricsFilter & { from: number; to: number };

/**
 * One per process (or per replay). Its public maps and sets are the state wall.ts and prune.ts
 * read; treat them as internal: callers use apply, figures, wallView, prune and setSettings.
 */
export class MetricsEngine {
	private ctx: EngineContext;
	private readonly dims = new DimsTable();
	readonly rollup = new Rollup();
	readonly calls = new Map<string, CallContact>();
	readonly chats = new Map<string, ChatContact>();
	readonly cases = new Map<string, CaseContact>();
	readonly agents = new Map<string, AgentRecord>();
	/** Chat sessions by contact key, for the 24 h containment rule. */
	readonly chatsByContact = new Map<string, Set<ChatContact>>();
	readonly agentCalls: AgentCalls = new Map();
	/** call id → agent → connect instant, what this call put into agentCalls. */
	readonly callAgents = new Map<string, Map<string, number>>();
	readonly open: OpenSets = {
		waitingCalls: new Set(),
		waitingChats: new Set(),
		openCases: new Set()
	};

	constructor(settings: MetricsSettings, options: { sla?: CaseSlaEvaluator } = {}) {
		this.ctx = makeContext(settings, this.dims, options.sla ?? null);
	}

	get context(): EngineContext {
		return this.ctx;
	}

	/**
	 * Applies one event, in any order relative to the others of its contact. Throws a RangeError
	 * only for an instant that is not a finite epoch-ms number (the ingest schema prevents it).
	 */
	apply(event: ContactEvent): void {
		if (!Number.isFinite(event.at)) {
			const id = contactIdOf(event) ?? ('agent' in event ? event.agent : '');
			throw new RangeError(`MetricsEngine.apply: ${event.type} ${id}: at must be finite epoch ms`);
		}
		switch (event.type.slice(0, event.type.indexOf('.'))) {
			case 'call':
				return this.applyCall(event as CallEvent);
			case 'chat':
				return this.applyChat(event as ChatEvent);
			case 'case':
				return this.applyCase(event as CaseEvent);
			case 'agent': {
				const e = event as Extract<ContactEvent, { agent: string; type: `agent.${string}` }>;
				let agent = this.agents.get(e.agent);
				if (!agent) this.agents.set(e.agent, (agent = newAgent()));
				return addAgentEvent(agent, e);
			}
			default:
				return; // pbx.other and anything unknown: kept by the store, ignored here.
		}
	}

	private applyCall(event: CallEvent): void {
		let call = this.calls.get(event.callId);
		if (!call) this.calls.set(event.callId, (call = newCall(event.callId)));
		addCallEvent(call, event);
		this.refreshCall(call);
	}

	refreshCall(call: CallContact): void {
		this.rollup.replace(call, callContributions(call, this.ctx));
		if (waitingPhase(call)) this.open.waitingCalls.add(call);
		else this.open.waitingCalls.delete(call);
		const next = new Map<string, number>();
		for (const p of call.phases) {
			if (p.outcome === 'answered' && p.agent && p.doneAt === null) next.set(p.agent, p.endedAt!);
		}
		for (const agent of this.callAgents.get(call.id)?.keys() ?? []) {
			this.agentCalls.get(agent)?.delete(call.id);
		}
		for (const [agent, since] of next) {
			let calls = this.agentCalls.get(agent);
			if (!calls) this.agentCalls.set(agent, (calls = new Map()));
			calls.set(call.id, since);
		}
		if (next.size) this.callAgents.set(call.id, next);
		else this.callAgents.delete(call.id);
	}

	private applyChat(event: ChatEvent): void {
		let chat = this.chats.get(event.sessionId);
		if (!chat) this.chats.set(event.sessionId, (chat = newChat(event.sessionId)));
		const startBefore = chat.started;
		addChatEvent(chat, event);
		const start = chat.started;
		this.refreshChat(chat);
		if (start === startBefore) return;
		// The session's start is new (or moved): sessions that ended in the 24 h before it,
		// before the old one, may have changed their containment.
		if (startBefore?.contact) this.chatsByContact.get(startBefore.contact)?.delete(chat);
		if (start?.contact) {
			let sessions = this.chatsByContact.get(start.contact);
			if (!sessions) this.chatsByContact.set(start.contact, (sessions = new Set()));
			sessions.add(chat);
			this.refreshEndedBefore(start.contact, start.at);
		}
		if (startBefore?.contact) this.refreshEndedBefore(startBefore.contact, startBefore.at);
	}

	/** Re-counts the contact's sessions that ended within 24 h before `start`. */
	private refreshEndedBefore(contact: string, start: number): void {
		for (const other of this.chatsByContact.get(contact) ?? []) {
			const end = other.endedAt;
			if (end !== null && end <= start && start - end <= CONTAINMENT_RETURN_MS) {
				this.refreshChat(other);
			}
		}
	}

	refreshChat(chat: ChatContact): void {
		chat.returned = this.hasReturned(chat);
		this.rollup.replace(chat, chatContributions(chat, this.ctx));
		if (isWaiting(chat)) this.open.waitingChats.add(chat);
		else this.open.waitingChats.delete(chat);
	}

	/** metrics.md §Chat: another session of the same contact started within 24 h of the end. */
	private hasReturned(chat: ChatContact): boolean {
		const contact = chat.started?.contact;
		const end = chat.endedAt;
		if (!contact || end === null) return false;
		for (const other of this.chatsByContact.get(contact) ?? []) {
			const start = other.started?.at;
			if (other === chat || start === undefined) continue;
			if (start >= end && start - end <= CONTAINMENT_RETURN_MS) return true;
		}
		return false;
	}

	private applyCase(event: CaseEvent): void {
		let c = this.cases.get(event.caseId);
		if (!c) this.cases.set(event.caseId, (c = newCase(event.caseId)));
		addCaseEvent(c, event);
		this.refreshCase(c);
	}

	refreshCase(c: CaseContact): void {
		this.rollup.replace(c, caseContributions(c, this.ctx));
		if (isOpen(c)) this.open.openCases.add(c);
		else this.open.openCases.delete(c);
	}

	/**
	 * Figures for what ended in [from, to) (never past `now`), plus the live values at `now`,
	 * within the filter. Rates in % and durations in s (ages in min), rounded to 1 decimal.
	 */
	figures(query: FiguresQuery, now: number): MetricsFigures {
		if (![query.from, query.to, now].every(Number.isFinite)) {
			throw new RangeError('figures: from, to and now must be finite epoch milliseconds');
		}
		const match = (d: Parameters<typeof matchesFilter>[0]) => matchesFilter(d, query);
		const tally = new Tally();
		this.rollup.visit(query.from, Math.min(query.to, now + 1), {
			cell: (d, cell, sign) => match(d) && tally.addCell(cell, sign),
			one: (d, field, value) => match(d) && tally.addOne(field, value)
		});
		const live = new LiveTally();
		scanLive(this.open, this.ctx, now, {
			callWaiting: (d, since) => match(d) && live.callWaiting(since),
			chatWaiting: (d, since) => match(d) && live.chatWaiting(since),
			openCase: (d, c, risk) => match(d) && live.openCase(c, risk, true)
		});
		const agents = countAgents(this.agents, this.agentCalls, query, this.ctx.settings, now);
		return composeFigures(tally, live, agents, this.agesOf(live, now), now);
	}

	agesOf(live: LiveTally, now: number): number[] {
		const ages = Float64Array.from(live.openCases, (c) => ageMinutes(c, this.ctx, now));
		return Array.from(ages.sort());
	}

	/** The wall's view model for a scope at `now` (wall.ts). */
	wallView(scope: WallScope, now: number): WallView {
		return buildWallView(this, scope, now);
	}

	/** Forgets contacts settled before `before` (prune.ts); open ones stay. */
	prune(before: number): void {
		pruneEngine(this, before);
	}

	/** A new SLA evaluator (policy or calendar edits): every case is evaluated again. */
	setSla(sla: CaseSlaEvaluator | null): void {
		this.ctx = makeContext(this.ctx.settings, this.dims, sla);
		this.setSettings(this.ctx.settings);
	}

	/** New thresholds, queues or reference lists: every contact is counted again under them. */
	setSettings(settings: MetricsSettings): void {
		this.ctx = makeContext(settings, this.dims, this.ctx.sla);
		this.rollup.clear();
		const contacts = [...this.calls.values(), ...this.chats.values(), ...this.cases.values()];
		for (const contact of contacts) contact.contributions = [];
		for (const call of this.calls.values()) this.refreshCall(call);
		for (const chat of this.chats.values()) this.refreshChat(chat);
		for (const c of this.cases.values()) {
			c.sla = null;
			this.refreshCase(c);
		}
	}
}
