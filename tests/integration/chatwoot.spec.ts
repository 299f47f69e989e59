/**
 * Issue 4 §3 through the webhook route on PGlite. Three bot conversations, written the way
 * Chatwoot 4 sends them (conversation timestamps as epoch seconds, message `created_at` as ISO
 * strings), and the chat metrics of metrics.md §Chat computed by hand:
 * - 101: bot, handed off at +60 s (reported only in conversation_updated), first agent reply at
 *   +105 s (first response 45 s), resolved;
 * - 102: bot, resolved by the bot with no hand-off: contained (its contact returns no more);
 * - 103: bot, handed off at +90 s (conversation_status_changed, and again in
 *   conversation_updated: one hand-off), resolved with no agent reply: missed.
 * By hand: sessions 3, bot sessions ended 3, contained 1 → containment 33.3 %, hand-offs 2,
 * first response mean 45 s and p90 45 s, missed 1, waiting now 0.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDeadLetters } from '../../src/lib/server/repositories/dead-letter.repository';
import { saveCooperatives } from '../../src/lib/server/repositories/cooperative.repository';
import { startTestServer, type TestServer } from './harness';

const SECRET = 'chatwoot-secret-for-tests';
const TOKEN = 'chatwoot-url-token-for-tests';
const T = Math.floor(Date.now() / 1000) - 2 * 3600; // epoch seconds, two hours ago
const iso = (s: number) => new Date(s * 1000).toISOString();

const conversation = (id: number, status: string, phone: string) => ({
	id,
	account_id: 1,
	inbox_id: 3,
	status,
	meta: { sender: { id: id + 1000, name: 'Warga', phone_number: phone, type: 'contact' } },
	created_at: T,
	timestamp: T
});
const created = (id: number, phone: string, at: number) => ({
	event: 'conversation_created',
	...conversation(id, 'pending', phone),
	created_at: at,
	messages: [
		{
			id: id * 10,
			message_type: 0,
			private: false,
			created_at: at,
			sender: { id: id + 1000, type: 'contact' }
		}
	]
});
const statusChanged = (id: number, status: string, phone: string, at: number) => ({
	event: 'conversation_status_changed',
	...conversation(id, status, phone),
	updated_at: at + 0.25
});
const updated = (id: number, from: string, to: string, phone: string, at: number) => ({
	event: 'conversation_updated',
	...conversation(id, to, phone),
	updated_at: at,
	changed_attributes: [{ status: { current_value: to, previous_value: from } }]
});
const message = (
	id: number,
	conv: number,
	type: string,
	sender: object,
	phone: string,
	at: number
) => ({
	event: 'message_created',
	id,
	content: 'Terima kasih, kami bantu',
	message_type: type,
	private: false,
	created_at: iso(at),
	sender,
	account: { id: 1, name: 'Kemenkop' },
	conversation: conversation(conv, 'open', phone)
});

describe('Chatwoot webhook', () => {
	let server: TestServer;
	const send = async (
		body: unknown,
		auth: 'signature' | 'token' | Record<string, string> = 'signature',
		query = ''
	) => {
		const raw = typeof body === 'string' ? body : JSON.stringify(body);
		const ts = String(Math.floor(Date.now() / 1000));
		const headers: Record<string, string> =
			auth === 'signature'
				? {
						'x-chatwoot-timestamp': ts,
						'x-chatwoot-signature': `sha256=${createHmac('sha256', SECRET).update(`${ts}.${raw}`).digest('hex')}`
					}
				: auth === 'token'
					? {}
					: auth;
		const q = auth === 'token' ? `?token=${TOKEN}` : query;
		const r = await fetch(`${server.url}/api/v1/webhooks/chatwoot${q}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: raw
		});
		return { status: r.status, body: await r.json() };
	};
	const chats = async (query = '') =>
		(await fetch(`${server.url}/api/v1/metrics${query}`).then((r) => r.json())).chats;
	const letters = () => listDeadLetters(server.container.database.db, { source: 'chatwoot' });

	beforeAll(async () => {
		server = await startTestServer('pglite', undefined, {
			env: {
				SIGAP_CHATWOOT_WEBHOOK_SECRET: SECRET,
				SIGAP_CHATWOOT_WEBHOOK_TOKEN: TOKEN,
				SIGAP_CONTACT_HASH_SECRET: 'contact-key-for-tests'
			}
		});
		await saveCooperatives(
			server.container.database.db,
			[
				{
					id: 'KDMP-3201011001',
					name: 'Koperasi Kelurahan Merah Putih Pondok Rajeg',
					legalNumber: null,
					villageCode: '32.01.01.1001',
					phones: ['+6281255550002'],
					line: 2
				}
			],
			'file:test.csv',
			Date.now()
		);
		await server.container.channels.cooperatives.refresh();
	});
	afterAll(() => server?.close());

	it('derives hand-off, first response, containment and missed as computed by hand', async () => {
		const user = { id: 5, name: 'Sari', type: 'user' };
		const bot = { id: 2, name: 'Bot Kemenkop', type: 'agent_bot' };
		const deliveries = [
			created(101, '+6281200000101', T),
			message(1011, 101, 'outgoing', bot, '+6281200000101', T + 10),
			updated(101, 'pending', 'open', '+6281200000101', T + 60),
			message(1012, 101, 'outgoing', user, '+6281200000101', T + 105),
			message(1013, 101, 'outgoing', user, '+6281200000101', T + 200),
			statusChanged(101, 'resolved', '+6281200000101', T + 300),
			created(102, '+6281255550002', T + 20),
			message(1021, 102, 'outgoing', bot, '+6281255550002', T + 30),
			statusChanged(102, 'resolved', '+6281255550002', T + 120),
			created(103, '+6281200000103', T + 30),
			statusChanged(103, 'open', '+6281200000103', T + 90),
			updated(103, 'pending', 'open', '+6281200000103', T + 90),
			statusChanged(103, 'resolved', '+6281200000103', T + 400)
		];
		for (const d of deliveries) expect((await send(d)).status, d.event).toBe(200);
		expect(await chats()).toMatchObject({
			sessions: 3,
			botSessionsEnded: 3,
			botContained: 1,
			containmentRate: 33.3,
			handOffs: 2,
			firstResponseMean: 45,
			firstResponseP90: 45,
			missed: 1,
			waitingNow: 0
		});
		expect(await chats('?province=32')).toMatchObject({ sessions: 1, botContained: 1 });
	});

	it('a redelivered conversation changes nothing', async () => {
		const before = await chats();
		const again = await send(updated(101, 'pending', 'open', '+6281200000101', T + 60));
		expect(again.body).toMatchObject({ stored: 0 });
		expect(await chats()).toEqual({ ...before });
	});

	it('a conversation for people waits from its first message (bot: false)', async () => {
		await send({ ...created(104, '+6281200000104', T + 3000), status: 'open' });
		expect(await chats()).toMatchObject({ sessions: 4, waitingNow: 1 });
	});

	it('accepts the URL token when the delivery carries no signature', async () => {
		const answer = await send(
			message(1041, 104, 'outgoing', { id: 6, type: 'user' }, '+6281200000104', T + 3010),
			'token'
		);
		expect(answer).toMatchObject({ status: 200, body: { stored: 1 } }); // the reply; no hand-off: not a bot session
		expect(await chats()).toMatchObject({ waitingNow: 0 });
	});

	it.each([
		['no signature and no token', {}, '', 'missing ?token='],
		['a wrong token', {}, '?token=guess', 'wrong ?token='],
		[
			'a wrong signature',
			{
				'x-chatwoot-timestamp': String(Math.floor(Date.now() / 1000)),
				'x-chatwoot-signature': `sha256=${'0'.repeat(64)}`
			},
			'',
			'does not match'
		],
		[
			'a stale timestamp',
			{
				'x-chatwoot-timestamp': String(Math.floor(Date.now() / 1000) - 3600),
				'x-chatwoot-signature': `sha256=${'0'.repeat(64)}`
			},
			'',
			'more than 300 s'
		]
	])('refuses %s with 401', async (_, headers, query, reason) => {
		const answer = await send(created(199, '+6281200000199', T), headers, query);
		expect(answer).toMatchObject({
			status: 401,
			body: { error: { code: 'not_authentic', message: expect.stringContaining(reason) } }
		});
	});

	it.each([
		['malformed JSON', '{"event": "message_created", ', 400],
		['an unknown event kind', { event: 'conversation_exploded', id: 1 }, 202],
		[
			'a message without its conversation',
			{ event: 'message_created', id: 5, message_type: 'incoming' },
			202
		]
	])('keeps %s as a dead letter', async (_, body, status) => {
		const count = (await letters()).length;
		expect((await send(body)).status).toBe(status);
		expect((await letters()).length).toBe(count + 1);
	});

	it('answers a known event it does not use with 200 and a note, no dead letter', async () => {
		const count = (await letters()).length;
		const answer = await send({ event: 'webwidget_triggered', id: 1 });
		expect(answer).toMatchObject({
			status: 200,
			body: { notes: ['webwidget_triggered: not used by the chat metrics'] }
		});
		expect((await letters()).length).toBe(count);
	});

	it('refuses a body over the size limit with 413', async () => {
		const count = (await letters()).length;
		const answer = await send({ event: 'message_created', pad: 'x'.repeat(520_000) });
		expect(answer.status).toBe(413);
		expect((await letters()).length).toBe(count + 1);
	});

	it('refuses an unauthenticated body over the size limit with 401 and keeps nothing', async () => {
		const count = (await letters()).length;
		const answer = await send({ event: 'message_created', pad: 'x'.repeat(520_000) }, {});
		expect(answer).toMatchObject({ status: 401, body: { error: { code: 'not_authentic' } } });
		expect((await letters()).length).toBe(count);
	});
});
