/**
 * A chat session as the engine holds it, and what it contributes (metrics.md §Chat). Every
 * fact is a minimum over events (first start, first hand-off, first reply, first end), so the
 * session does not depend on arrival order.
 */
import type { ChatEvent, ChatStarted } from '../events';
import type { Contribution, Contributor } from './rollup';
import { TOTAL_QUEUE, type Dims } from './dims';
import type { EngineContext } from './context';
import { F, FIRST_RESPONSE_VALUE } from './fields';

export interface ChatContact extends Contributor {
	id: string;
	started: ChatStarted | null;
	handedOffAt: number | null;
	firstReplyAt: number | null;
	endedAt: number | null;
	endedBy: string | null;
	/** Set by the engine from the contact index: a new session followed within 24 h. */
	returned: boolean;
	lastAt: number;
	/** Dims as of the last contribution pass (the live scan reads them). */
	dims: Dims | null;
}

/** A chat session seen for the first time (any of its events may come first). */
export function newChat(id: string): ChatContact {
	return {
		id,
		started: null,
		handedOffAt: null,
		firstReplyAt: null,
		endedAt: null,
		endedBy: null,
		returned: false,
		dims: null,
		contributions: [],
		lastAt: -Infinity
	};
}

/** The first start wins; equal instants are ordered by content, never by arrival. */
function compareStarts(a: ChatStarted, b: ChatStarted): number {
	if (a.at !== b.at) return a.at - b.at;
	const x = JSON.stringify(a);
	const y = JSON.stringify(b);
	return x < y ? -1 : x > y ? 1 : 0;
}

const earlier = (a: number | null, b: number) => (a === null || b < a ? b : a);

/** Adds an event: each fact keeps its earliest instant, so arrival order does not matter. */
export function addChatEvent(chat: ChatContact, event: ChatEvent): void {
	chat.lastAt = Math.max(chat.lastAt, event.at);
	if (event.type === 'chat.started') {
		if (!chat.started || compareStarts(event, chat.started) < 0) chat.started = event;
	} else if (event.type === 'chat.handed_off') {
		chat.handedOffAt = earlier(chat.handedOffAt, event.at);
	} else if (event.type === 'chat.agent_replied') {
		chat.firstReplyAt = earlier(chat.firstReplyAt, event.at);
	} else if (
		chat.endedAt === null ||
		event.at < chat.endedAt ||
		(event.at === chat.endedAt && event.by < chat.endedBy!)
	) {
		chat.endedAt = event.at;
		chat.endedBy = event.by;
	}
}

/** A bot session: started with the bot, or (start unseen) handed off or closed by the bot. */
export function isBotSession(chat: ChatContact): boolean {
	if (chat.started) return chat.started.bot;
	return chat.handedOffAt !== null || chat.endedBy === 'bot';
}

/**
 * When the session began to wait for a person: the hand-off, or the start of a session that
 * began with a person (`bot: false`), which waits for an agent from its first message.
 */
export function personQueueAt(chat: ChatContact): number | null {
	if (chat.handedOffAt !== null) return chat.handedOffAt;
	return chat.started && !chat.started.bot ? chat.started.at : null;
}

/** Waiting for a person now: queued for one, no agent reply, not ended. */
export function isWaiting(chat: ChatContact): boolean {
	return personQueueAt(chat) !== null && chat.firstReplyAt === null && chat.endedAt === null;
}

/** A session's dims: province and issue type from its start, channel `chat`. */
export function chatDims(chat: ChatContact, ctx: EngineContext): Dims {
	const province = ctx.codes.province(chat.started?.province);
	const issue = ctx.codes.issueType(chat.started?.issueType);
	return ctx.dims.get(province, issue, 'chat', TOTAL_QUEUE);
}

/**
 * sessions at the start; hand-offs at the hand-off; bot sessions ended, contained and missed
 * at the end; first response at the reply (reply before the queueing counts as 0 s).
 */
export function chatContributions(chat: ChatContact, ctx: EngineContext): Contribution[] {
	const out: Contribution[] = [];
	const dims = (chat.dims = chatDims(chat, ctx));
	const push = (at: number, field: number, value = 1) => out.push({ at, dims, field, value });
	if (chat.started) push(chat.started.at, F.sessions);
	if (chat.handedOffAt !== null) push(chat.handedOffAt, F.handOffs);
	const end = chat.endedAt;
	if (end !== null && isBotSession(chat)) {
		push(end, F.botSessionsEnded);
		const contained = chat.endedBy === 'bot' && chat.handedOffAt === null && !chat.returned;
		if (contained) push(end, F.botContained);
	}
	const queued = personQueueAt(chat);
	const reply = chat.firstReplyAt;
	if (queued === null) return out;
	if (end !== null && (reply === null || reply > end)) push(end, F.missed);
	else if (reply !== null) {
		const ms = Math.max(0, reply - queued);
		push(reply, F.firstResponseMs, ms);
		push(reply, F.firstResponseCount);
		push(reply, FIRST_RESPONSE_VALUE, ms);
	}
	return out;
}
