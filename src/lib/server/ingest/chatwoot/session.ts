/**
 * Chatwoot conversations as chat sessions (metrics.md §Chat) — pure. With an Agent Bot on the
 * inbox, Chatwoot opens conversations as `pending` (the bot answers) and hands off by setting
 * them `open`; `resolved` closes them. So:
 * - a session starts at the first incoming message when the conversation has no open session
 *   (`bot` when the conversation is `pending` then); a conversation reopened after `resolved`
 *   starts its next session at its next incoming message;
 * - a bot session handed off: the status becomes `open` — or a person replies in it first;
 * - first agent response: the first outgoing, non-private message by a user (not the bot);
 * - resolution: `resolved` ends the session, `by: bot` when the bot alone handled it, else
 *   `agent`. Missed (ended before any agent reply) and containment follow in the engine.
 */
import type { ChatwootFact } from './parse';

export interface CwSession {
	id: string;
	seq: number;
	bot: boolean;
	status: string | null;
	startedAt: number;
	handedOffAt: number | null;
	firstReplyAt: number | null;
	endedAt: number | null;
}

export type Draft =
	| { type: 'chat.started'; id: string; at: number; bot: boolean }
	| { type: 'chat.handed_off'; id: string; at: number }
	| { type: 'chat.agent_replied'; id: string; at: number; agent: string }
	| { type: 'chat.ended'; id: string; at: number; by: 'bot' | 'agent' };

export interface Step {
	/** The session as it stands after the fact (new, changed or as it was); null: none yet. */
	session: CwSession | null;
	created: boolean;
	changed: boolean;
	drafts: Draft[];
}

const sessionIdOf = (key: string, seq: number) => (seq === 1 ? key : `${key}:${seq}`);

/** Applies one fact to the conversation's latest session. */
export function applyFact(latest: CwSession | null, fact: ChatwootFact): Step {
	const open = latest && latest.endedAt === null ? { ...latest } : null;
	const none: Step = { session: latest, created: false, changed: false, drafts: [] };
	if (fact.kind === 'inbound') {
		if (open || (latest?.endedAt != null && fact.at <= latest.endedAt)) return none;
		const seq = (latest?.seq ?? 0) + 1;
		const id = sessionIdOf(fact.conversation.key, seq);
		const bot = fact.conversation.status === 'pending';
		const session: CwSession = {
			id,
			seq,
			bot,
			status: fact.conversation.status,
			startedAt: fact.at,
			handedOffAt: null,
			firstReplyAt: null,
			endedAt: null
		};
		return {
			session,
			created: true,
			changed: true,
			drafts: [{ type: 'chat.started', id: `${id}:started`, at: fact.at, bot }]
		};
	}
	if (!open) return none;
	const at = Math.max(fact.at, open.startedAt);
	const drafts: Draft[] = [];
	const handOff = () => {
		if (!open.bot || open.handedOffAt !== null) return;
		open.handedOffAt = at;
		drafts.push({ type: 'chat.handed_off', id: `${open.id}:handed_off`, at });
	};
	if (fact.kind === 'agent_reply') {
		handOff(); // a person answering in a bot session has taken it over
		drafts.push({
			type: 'chat.agent_replied',
			id: `${open.id}:reply:${fact.messageId}`,
			at,
			agent: fact.agent
		});
		if (open.firstReplyAt === null || at < open.firstReplyAt) open.firstReplyAt = at;
	} else {
		if (fact.status === 'open') handOff();
		if (fact.status === 'resolved') {
			open.endedAt = at;
			const by = open.bot && open.handedOffAt === null ? 'bot' : 'agent';
			drafts.push({ type: 'chat.ended', id: `${open.id}:ended`, at, by });
		}
		open.status = fact.status;
	}
	return { session: open, created: false, changed: true, drafts };
}
