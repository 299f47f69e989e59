/**
 * Chatwoot webhook deliveries read into facts about a conversation — pure. Chatwoot sends the
 * conversation (`conversation_created`, `conversation_updated` with `changed_attributes`,
 * `conversation_status_changed`) or the message (`message_created`, with its conversation).
 * A status change reported only inside `conversation_updated` is the same fact as a
 * `conversation_status_changed`. Timestamps arrive as epoch seconds (`created_at: 1700000000`,
 * `updated_at: 1700000000.25`), epoch ms, or ISO strings (`"2024-01-01T10:00:00.000Z"`): all read.
 * `message_type` is `incoming`/`outgoing`/`activity`/`template` or 0/1/2/3.
 */

export interface Conversation {
	/** `cw:<account>:<conversation id>`. */
	key: string;
	status: string | null;
	/** The contact's phone as Chatwoot holds it, or null. */
	phone: string | null;
	/** Chatwoot's contact id, for a contact key when there is no phone. */
	contactId: string | null;
}

export type ChatwootFact =
	| { kind: 'status'; conversation: Conversation; status: string; at: number }
	| { kind: 'inbound'; conversation: Conversation; messageId: string; at: number }
	| {
			kind: 'agent_reply';
			conversation: Conversation;
			messageId: string;
			agent: string;
			at: number;
	  };

export type ChatwootRead =
	| { kind: 'facts'; event: string; facts: ChatwootFact[] }
	/** A known event Sigap's chat metrics do not use (typing, contact changes, widget opened). */
	| { kind: 'ignored'; event: string }
	| { kind: 'unknown'; reason: string };

/** Known to Chatwoot, not used by metrics.md §Chat. */
const IGNORED = [
	'message_updated',
	'webwidget_triggered',
	'conversation_typing_on',
	'conversation_typing_off',
	'contact_created',
	'contact_updated'
];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const idText = (v: unknown) =>
	typeof v === 'number' || (typeof v === 'string' && v.trim() !== '') ? String(v).trim() : null;

/** An instant from epoch seconds, epoch ms or an ISO string; null when none of these. */
export function instantOf(v: unknown): number | null {
	if (typeof v === 'number' && Number.isFinite(v) && v > 0)
		return v > 1e12 ? Math.round(v) : Math.round(v * 1000);
	if (typeof v !== 'string' || v.trim() === '') return null;
	if (/^\d+(\.\d+)?$/.test(v.trim())) return instantOf(Number(v));
	const ms = Date.parse(v);
	return Number.isNaN(ms) ? null : ms;
}

const MESSAGE_TYPES = ['incoming', 'outgoing', 'activity', 'template'];
const messageType = (v: unknown) =>
	typeof v === 'number' ? (MESSAGE_TYPES[v] ?? null) : typeof v === 'string' ? v : null;

function conversationOf(c: unknown, accountHint: unknown): Conversation | null {
	if (!isObj(c)) return null;
	const id = idText(c.id);
	if (!id) return null;
	const account =
		idText(c.account_id) ?? idText(isObj(accountHint) ? accountHint.id : accountHint) ?? '-';
	const meta = isObj(c.meta) ? c.meta : {};
	const sender = isObj(meta.sender) ? meta.sender : {};
	return {
		key: `cw:${account}:${id}`,
		status: typeof c.status === 'string' ? c.status : null,
		phone:
			typeof sender.phone_number === 'string' && sender.phone_number.trim()
				? sender.phone_number
				: null,
		contactId: idText(sender.id)
	};
}

/** The status a `conversation_updated` reports among its changed attributes, if any. */
function changedStatus(body: Obj): string | null {
	const changes = Array.isArray(body.changed_attributes)
		? body.changed_attributes
		: [body.changed_attributes];
	for (const change of changes) {
		const status = isObj(change) && isObj(change.status) ? change.status.current_value : undefined;
		if (typeof status === 'string') return status;
	}
	return null;
}

function messageFacts(m: Obj, conversation: Conversation, fallbackAt: number): ChatwootFact[] {
	const messageId = idText(m.id);
	if (!messageId || m.private === true) return [];
	const at = instantOf(m.created_at) ?? fallbackAt;
	const type = messageType(m.message_type);
	const sender = isObj(m.sender) ? m.sender : {};
	if (type === 'incoming') return [{ kind: 'inbound', conversation, messageId, at }];
	if (type === 'outgoing' && sender.type === 'user') {
		return [
			{
				kind: 'agent_reply',
				conversation,
				messageId,
				agent: `cw-${idText(sender.id) ?? 'user'}`,
				at
			}
		];
	}
	return []; // bot replies (agent_bot), templates, activity lines
}

/** Reads one delivery; `receivedAt` stands in for an event without a usable timestamp. */
export function readChatwootEvent(body: unknown, receivedAt: number): ChatwootRead {
	if (!isObj(body) || typeof body.event !== 'string')
		return { kind: 'unknown', reason: 'no "event" name: not a Chatwoot webhook' };
	const event = body.event;
	if (IGNORED.includes(event)) return { kind: 'ignored', event };
	if (event === 'message_created') {
		const conversation = conversationOf(body.conversation, body.account);
		if (!conversation)
			return { kind: 'unknown', reason: 'message_created without conversation.id' };
		return { kind: 'facts', event, facts: messageFacts(body, conversation, receivedAt) };
	}
	if (
		!['conversation_created', 'conversation_updated', 'conversation_status_changed'].includes(event)
	) {
		return { kind: 'unknown', reason: `unknown Chatwoot event "${event}"` };
	}
	const conversation = conversationOf(body, body.account);
	if (!conversation) return { kind: 'unknown', reason: `${event} without conversation id` };
	const at = instantOf(body.updated_at) ?? instantOf(body.timestamp) ?? receivedAt;
	const status = event === 'conversation_updated' ? changedStatus(body) : conversation.status;
	const facts: ChatwootFact[] = [];
	if (event === 'conversation_created') {
		const created = instantOf(body.created_at) ?? at;
		for (const m of Array.isArray(body.messages) ? body.messages : [])
			if (isObj(m)) facts.push(...messageFacts(m, conversation, created));
		if (status) facts.unshift({ kind: 'status', conversation, status, at: created });
	} else if (status) facts.push({ kind: 'status', conversation, status, at });
	return { kind: 'facts', event, facts };
}
