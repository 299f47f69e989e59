import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { instantOf, readChatwootEvent, type ChatwootFact } from './parse';
import { applyFact, type CwSession, type Draft } from './session';

const DOCS = readFileSync(
	path.resolve(process.cwd(), '../shared/data/realworld/webhooks/chatwoot_docs_webhook_events.md'),
	'utf8'
);
const T = 1_767_000_000; // epoch seconds
const conversation = (status: string, more: Record<string, unknown> = {}) => ({
	id: 7,
	account_id: 1,
	status,
	meta: { sender: { id: 42, phone_number: '+62 812-3456-7890', type: 'contact' } },
	...more
});

describe("readChatwootEvent: every event of Chatwoot's documentation is understood", () => {
	const documented = [...DOCS.split('## Webhook Events')[1]!.matchAll(/^### (\w+)$/gm)].map(
		(m) => m[1]!
	);

	it('lists the six documented events', () => {
		expect(documented).toEqual([
			'conversation_created',
			'conversation_updated',
			'conversation_status_changed',
			'message_created',
			'message_updated',
			'webwidget_triggered'
		]);
	});

	it.each(documented)('%s is read or deliberately ignored, never unknown', (event) => {
		const body = event.startsWith('message')
			? {
					event,
					id: 1,
					message_type: 'incoming',
					created_at: T,
					conversation: conversation('pending')
				}
			: {
					event,
					...conversation('open'),
					changed_attributes: [{ status: { current_value: 'open', previous_value: 'pending' } }]
				};
		expect(readChatwootEvent(body, T * 1000).kind).not.toBe('unknown');
	});

	it('reads the documented changed_attributes shape: [{ attr: { current_value, previous_value } }]', () => {
		const read = readChatwootEvent(
			{
				event: 'conversation_updated',
				...conversation('open'),
				updated_at: T + 0.5,
				changed_attributes: [
					{ assignee_id: { current_value: 3, previous_value: null } },
					{ status: { current_value: 'open', previous_value: 'pending' } }
				]
			},
			0
		);
		expect(read).toMatchObject({
			kind: 'facts',
			facts: [
				{ kind: 'status', status: 'open', at: T * 1000 + 500, conversation: { key: 'cw:1:7' } }
			]
		});
	});
});

describe('readChatwootEvent details', () => {
	it.each([
		[T, T * 1000],
		[T + 0.25, T * 1000 + 250],
		[T * 1000, T * 1000],
		[String(T), T * 1000],
		['2026-01-01T10:00:00.000Z', Date.parse('2026-01-01T10:00:00Z')],
		['2026-01-01 17:00:00 +0700', Date.parse('2026-01-01T10:00:00Z')],
		['yesterday', null],
		[null, null]
	])('instantOf(%j) = %j', (value, ms) => expect(instantOf(value)).toBe(ms));

	it('tells an agent reply from a bot reply, a private note and the contact', () => {
		const msg = (message_type: string | number, sender: object, priv = false) =>
			readChatwootEvent(
				{
					event: 'message_created',
					id: 9,
					message_type,
					private: priv,
					created_at: '2026-01-01T10:00:00.000Z',
					sender,
					conversation: conversation('open')
				},
				0
			);
		expect(msg(1, { id: 5, type: 'user' })).toMatchObject({
			facts: [{ kind: 'agent_reply', agent: 'cw-5' }]
		});
		expect(msg('outgoing', { id: 2, type: 'agent_bot' })).toMatchObject({ facts: [] });
		expect(msg('outgoing', { id: 5, type: 'user' }, true)).toMatchObject({ facts: [] });
		expect(msg(0, { id: 42, type: 'contact' })).toMatchObject({
			facts: [{ kind: 'inbound', messageId: '9' }]
		});
		expect(msg('activity', {})).toMatchObject({ facts: [] });
	});

	it.each([
		[{ hello: 1 }, 'no "event" name: not a Chatwoot webhook'],
		[{ event: 'conversation_exploded', id: 1 }, 'unknown Chatwoot event "conversation_exploded"'],
		[{ event: 'message_created', id: 1 }, 'message_created without conversation.id'],
		[{ event: 'conversation_created' }, 'conversation_created without conversation id']
	])('%j is unknown: %s', (body, reason) => {
		expect(readChatwootEvent(body, 0)).toEqual({ kind: 'unknown', reason });
	});
});

describe('applyFact: sessions from facts (metrics.md §Chat)', () => {
	const conv = { key: 'cw:1:7', status: 'pending', phone: null, contactId: '42' };
	const inbound = (at: number, status = 'pending'): ChatwootFact => ({
		kind: 'inbound',
		conversation: { ...conv, status },
		messageId: `m${at}`,
		at
	});
	const status = (s: string, at: number): ChatwootFact => ({
		kind: 'status',
		conversation: conv,
		status: s,
		at
	});
	const reply = (at: number): ChatwootFact => ({
		kind: 'agent_reply',
		conversation: conv,
		messageId: `r${at}`,
		agent: 'cw-5',
		at
	});
	function run(facts: ChatwootFact[]): { drafts: Draft[]; session: CwSession | null } {
		let session: CwSession | null = null;
		const drafts: Draft[] = [];
		for (const f of facts) {
			const step = applyFact(session, f);
			session = step.session;
			drafts.push(...step.drafts);
		}
		return { drafts, session };
	}
	const kinds = (facts: ChatwootFact[]) =>
		run(facts).drafts.map((d) => [d.type, d.at, 'by' in d ? d.by : 'bot' in d ? d.bot : undefined]);

	it.each([
		[
			'handed off, answered, resolved',
			[inbound(0), status('open', 60), reply(105), status('resolved', 300)],
			[
				['chat.started', 0, true],
				['chat.handed_off', 60, undefined],
				['chat.agent_replied', 105, undefined],
				['chat.ended', 300, 'agent']
			]
		],
		[
			'contained by the bot',
			[inbound(0), status('resolved', 120)],
			[
				['chat.started', 0, true],
				['chat.ended', 120, 'bot']
			]
		],
		[
			'handed off, never answered',
			[inbound(0), status('open', 90), status('resolved', 400)],
			[
				['chat.started', 0, true],
				['chat.handed_off', 90, undefined],
				['chat.ended', 400, 'agent']
			]
		],
		[
			'a person answers in a bot session: an implicit hand-off',
			[inbound(0), reply(50)],
			[
				['chat.started', 0, true],
				['chat.handed_off', 50, undefined],
				['chat.agent_replied', 50, undefined]
			]
		],
		[
			'a conversation opened to people from the start',
			[inbound(0, 'open'), reply(30)],
			[
				['chat.started', 0, false],
				['chat.agent_replied', 30, undefined]
			]
		],
		[
			'the same status twice (updated and status_changed) counts once',
			[inbound(0), status('open', 60), status('open', 61)],
			[
				['chat.started', 0, true],
				['chat.handed_off', 60, undefined]
			]
		],
		['statuses before any inbound message start nothing', [status('open', 0), reply(5)], []]
	])('%s', (_, facts, expected) => {
		expect(kinds(facts as ChatwootFact[])).toEqual(expected);
	});

	it('a conversation reopened after resolution starts its next session at the next inbound message', () => {
		const { drafts, session } = run([
			inbound(0),
			status('resolved', 100),
			status('pending', 200),
			inbound(210)
		]);
		expect(drafts.map((d) => d.id)).toEqual(['cw:1:7:started', 'cw:1:7:ended', 'cw:1:7:2:started']);
		expect(session).toMatchObject({ id: 'cw:1:7:2', seq: 2, endedAt: null });
	});
});
