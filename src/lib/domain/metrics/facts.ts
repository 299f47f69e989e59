/**
 * A contact's facts: what it adds to the counters, i.e. the engine's own contributions
 * (rollup.ts) as plain values that can be stored and summed elsewhere. The trend rollups are
 * sums of exactly these, so a day's trend equals the live figures of that day (metrics.md
 * §Dimensions and windows: "the same definition gives the same number in every window").
 */
import type { Channel, ContactEvent } from '../events';
import type { CaseSlaEvaluator } from '../sla/types';
import type { CallContact } from './calls';
import type { CaseContact } from './cases';
import type { ChatContact } from './chats';
import { MetricsEngine } from './engine';
import type { Contribution } from './rollup';
import type { MetricsSettings } from './settings';

/** One counter increment at an instant, under flat dims (queue `''` is the total cell). */
export interface Fact {
	at: number;
	province: string;
	issueType: string;
	channel: Channel;
	queue: string;
	/** Index into F (fields.ts), or FIRST_RESPONSE_VALUE for a raw first-response time. */
	field: number;
	value: number;
}

/** What the 24 h containment rule needs to see across a chat contact's sessions. */
export interface ChatSpan {
	contact: string | null;
	startedAt: number | null;
	endedAt: number | null;
}

/** The facts of one contact (a call, a chat session or a case), keyed as the event store is. */
export interface ContactFacts {
	channel: Channel;
	id: string;
	facts: Fact[];
	/** Chat sessions only. */
	chat: ChatSpan | null;
}

const compareFacts = (a: Fact, b: Fact) =>
	a.at - b.at ||
	a.field - b.field ||
	a.value - b.value ||
	cmp(a.queue, b.queue) ||
	cmp(a.province, b.province) ||
	cmp(a.issueType, b.issueType) ||
	cmp(a.channel, b.channel);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Contributions as facts, in one canonical order (so equal facts compare equal). */
export function factsOf(contributions: readonly Contribution[]): Fact[] {
	return contributions
		.map(({ at, dims, field, value }) => ({
			at,
			province: dims.province,
			issueType: dims.issueType,
			channel: dims.channel,
			queue: dims.queue,
			field,
			value
		}))
		.sort(compareFacts);
}

/** True when both lists hold the same facts in the same (canonical) order. */
export function sameFacts(a: readonly Fact[], b: readonly Fact[]): boolean {
	return a.length === b.length && a.every((f, i) => compareFacts(f, b[i]!) === 0);
}

/** Every contact the engine holds, with its current facts. */
export function contactFactsOf(engine: MetricsEngine): ContactFacts[] {
	const out: ContactFacts[] = [];
	const add = (
		channel: Channel,
		c: CallContact | ChatContact | CaseContact,
		chat: ChatSpan | null
	) => out.push({ channel, id: c.id, facts: factsOf(c.contributions), chat });
	for (const call of engine.calls.values()) add('call', call, null);
	for (const chat of engine.chats.values()) add('chat', chat, chatSpan(chat));
	for (const c of engine.cases.values()) add('ticket', c, null);
	return out;
}

function chatSpan(chat: ChatContact): ChatSpan {
	return {
		contact: chat.started?.contact ?? null,
		startedAt: chat.started?.at ?? null,
		endedAt: chat.endedAt
	};
}

/**
 * The facts of the contacts in `events`, by the live engine's reducers (a scratch engine, so
 * call phases, the 24 h chat return and SLA compliance are computed exactly as on the wall).
 * A chat's containment depends on the contact's other sessions: pass their events too.
 */
export function deriveFacts(
	events: Iterable<ContactEvent>,
	settings: MetricsSettings,
	sla?: CaseSlaEvaluator
): ContactFacts[] {
	const engine = new MetricsEngine(settings, { sla });
	for (const event of events) engine.apply(event);
	return contactFactsOf(engine);
}
