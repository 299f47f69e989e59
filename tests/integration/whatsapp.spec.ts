/**
 * Issue 4 §2 through the webhook route on PGlite: the verification handshake, signatures
 * accepted and refused, every pywa sample message type accepted and kept, statuses out of
 * order ending in the right state, sessions and first response as metrics.md §Chat counts
 * them, the registry placing a manager's chat, and every bad input kept or refused clearly.
 * The pywa samples share placeholder ids (`wamid.xyzxyz`); each is given its own id here so
 * each is a distinct message rather than a redelivery.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDeadLetters } from '../../src/lib/server/repositories/dead-letter.repository';
import { messageState } from '../../src/lib/server/repositories/chat-session.repository';
import { saveCooperatives } from '../../src/lib/server/repositories/cooperative.repository';
import { startTestServer, type TestServer } from './harness';

const APP_SECRET = 'app-secret-for-tests';
const VERIFY = 'verify-token-for-tests';
/** A parsed sample body: JSON as it came, edited in place by the tests. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;
const samples = (name: string): Record<string, Body> =>
	JSON.parse(
		readFileSync(
			path.resolve('../shared/data/realworld/webhooks', `pywa_whatsapp_cloud_${name}.json`),
			'utf8'
		)
	);
const sign = (body: string, secret = APP_SECRET) =>
	`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
const value = (body: Body) => body.entry[0].changes[0].value;

/** A minimal delivery: inbound messages and/or statuses for business number 1122334455667. */
function delivery(v: { messages?: unknown[]; statuses?: unknown[] }) {
	const metadata = { display_phone_number: '6221000000', phone_number_id: '1122334455667' };
	return {
		object: 'whatsapp_business_account',
		entry: [
			{
				id: '1',
				changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata, ...v } }]
			}
		]
	};
}
const text = (id: string, from: string, at: number) => ({
	id,
	from,
	timestamp: String(Math.floor(at / 1000)),
	type: 'text',
	text: { body: 'halo' }
});
const status = (id: string, s: string, to: string, at: number) => ({
	id,
	status: s,
	timestamp: String(Math.floor(at / 1000)),
	recipient_id: to
});

describe('WhatsApp Cloud API webhook', () => {
	let server: TestServer;
	const url = () => `${server.url}/api/v1/webhooks/whatsapp`;
	const post = async (body: unknown, signature?: string | null) => {
		const raw = typeof body === 'string' ? body : JSON.stringify(body);
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		if (signature !== null) headers['x-hub-signature-256'] = signature ?? sign(raw);
		const r = await fetch(url(), { method: 'POST', headers, body: raw });
		return { status: r.status, body: await r.json() };
	};
	const chats = async (query = '') =>
		(await fetch(`${server.url}/api/v1/metrics${query}`).then((r) => r.json())).chats;
	const letters = () => listDeadLetters(server.container.database.db, { source: 'whatsapp' });

	beforeAll(async () => {
		server = await startTestServer('pglite', undefined, {
			env: {
				SIGAP_WHATSAPP_VERIFY_TOKEN: VERIFY,
				SIGAP_WHATSAPP_APP_SECRET: APP_SECRET,
				SIGAP_CONTACT_HASH_SECRET: 'contact-key-for-tests'
			}
		});
	});
	afterAll(() => server?.close());

	it('answers the verification handshake only with the right token', async () => {
		const get = (q: string) => fetch(`${url()}?${q}`).then(async (r) => [r.status, await r.text()]);
		expect(
			await get(`hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=1158201444`)
		).toEqual([200, '1158201444']);
		expect((await get('hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1'))[0]).toBe(403);
		expect((await get(`hub.mode=unsubscribe&hub.verify_token=${VERIFY}&hub.challenge=1`))[0]).toBe(
			400
		);
	});

	it.each([
		[null, 'missing X-Hub-Signature-256'],
		['sha256=' + '0'.repeat(64), 'does not match the body'],
		[sign('{"other":"body"}'), 'does not match the body'],
		['md5=abc', 'must be "sha256="']
	])('refuses signature %j with 401: %s', async (signature, reason) => {
		const answer = await post(
			delivery({ messages: [text('wamid.unsigned', '6281200000001', Date.now())] }),
			signature
		);
		expect(answer).toMatchObject({
			status: 401,
			body: { error: { code: 'invalid_signature', message: expect.stringContaining(reason) } }
		});
		expect(await messageState(server.container.database.db, 'wamid.unsigned')).toBeNull();
	});

	it('accepts all 23 pywa sample messages, each type kept; two sessions (24 h windows), one missed', async () => {
		const messages = samples('message');
		for (const [key, body] of Object.entries(messages)) {
			value(body).messages[0].id = `wamid.sample.${key}`;
			const answer = await post(body);
			expect(answer.status, key).toBe(200);
		}
		const db = server.container.database.db;
		const types = await Promise.all(
			Object.keys(messages).map(async (k) => (await messageState(db, `wamid.sample.${k}`))?.type)
		);
		expect(types).toEqual(Object.values(messages).map((b) => value(b).messages[0].type));
		// 22 messages on 11 Oct 2023 within an hour, one on 20 Nov 2023: two sessions; the first
		// ended 24 h after its last message with no reply from the business: missed.
		expect(await chats('?from=2023-10-11&to=2023-11-21')).toMatchObject({
			sessions: 2,
			handOffs: 0,
			missed: 1,
			firstResponseMean: null
		});
		expect((await letters()).map((l) => l.reason)).toEqual([
			'WhatsApp reported an error for this webhook'
		]);
	});

	it('applies statuses out of order: a late sent or failed never downgrades read (real status samples)', async () => {
		const db = server.container.database.db;
		const statuses = samples('message_status');
		for (const key of ['read', 'sent', 'failed', 'delivered']) {
			value(statuses[key]!).statuses[0].id = 'wamid.outbound.1';
			expect((await post(statuses[key])).status).toBe(200);
		}
		expect(await messageState(db, 'wamid.outbound.1')).toMatchObject({
			direction: 'out',
			status: 'read'
		});
		value(statuses.played!).statuses[0].id = 'wamid.outbound.1';
		await post(statuses.played);
		expect(await messageState(db, 'wamid.outbound.1')).toMatchObject({ status: 'played' });
		value(statuses.failed!).statuses[0].id = 'wamid.outbound.2';
		await post(statuses.failed);
		expect(await messageState(db, 'wamid.outbound.2')).toMatchObject({
			status: 'failed',
			errorCode: 130472
		});
	});

	it('a reply is the first response, whatever order its statuses arrive in; a redelivery changes nothing', async () => {
		const t = Date.now() - 10 * 60_000;
		const before = await chats();
		await post(delivery({ messages: [text('wamid.in.1', '6281311110001', t)] }));
		expect(await chats()).toMatchObject({
			sessions: before.sessions + 1,
			waitingNow: before.waitingNow + 1
		});
		await post(
			delivery({ statuses: [status('wamid.out.1', 'delivered', '6281311110001', t + 95_000)] })
		);
		await post(
			delivery({ statuses: [status('wamid.out.1', 'sent', '6281311110001', t + 90_000)] })
		);
		await post(delivery({ messages: [text('wamid.in.1', '6281311110001', t)] })); // Meta redelivers
		const after = await chats();
		expect(after).toMatchObject({
			sessions: before.sessions + 1,
			waitingNow: before.waitingNow,
			firstResponseMean: 90
		});
		expect(await messageState(server.container.database.db, 'wamid.out.1')).toMatchObject({
			status: 'delivered'
		});
	});

	it('places a registered cooperative manager on the map (registry province)', async () => {
		const db = server.container.database.db;
		await saveCooperatives(
			db,
			[
				{
					id: 'KDMP-6101012001',
					name: 'Koperasi Desa Merah Putih Dalam Kaum',
					legalNumber: null,
					villageCode: '61.01.01.2001',
					phones: ['+6281255550001'],
					line: 2
				}
			],
			'file:test.csv',
			Date.now()
		);
		await server.container.channels.cooperatives.refresh();
		const before = (await chats('?province=61')).sessions;
		await post(
			delivery({ messages: [text('wamid.manager.1', '6281255550001', Date.now() - 60_000)] })
		);
		expect((await chats('?province=61')).sessions).toBe(before + 1);
	});

	it('closes a session 24 h after its last message: unanswered, it is missed', async () => {
		const t = Date.now() - 25 * 3600_000;
		const range = `?from=${new Date(t - 3600_000).toISOString()}&to=${new Date().toISOString()}`;
		await server.container.channels.whatsapp!.closeIdle(Date.now()); // the 2023 sample session
		const before = await chats(range);
		await post(delivery({ messages: [text('wamid.old.1', '6281399990001', t)] }));
		expect(await server.container.channels.whatsapp!.closeIdle(Date.now())).toBe(1);
		expect(await chats(range)).toMatchObject({
			sessions: before.sessions + 1,
			missed: before.missed + 1
		});
		expect(await server.container.channels.whatsapp!.closeIdle(Date.now())).toBe(0);
	});

	it.each([
		['malformed JSON', '{"object": "whatsapp_business_account", "entry": [', 400, 'malformed_json'],
		['another object', { object: 'instagram', entry: [] }, 202, null],
		[
			'an unhandled field',
			{
				object: 'whatsapp_business_account',
				entry: [{ id: '1', changes: [{ field: 'account_update', value: {} }] }]
			},
			202,
			null
		],
		[
			'a message without sender',
			delivery({ messages: [{ id: 'wamid.bad.1', timestamp: '1697043223', type: 'text' }] }),
			202,
			null
		]
	])('keeps %s as a dead letter', async (_, body, status, code) => {
		const count = (await letters()).length;
		const answer = await post(body);
		expect(answer.status).toBe(status);
		if (code) expect(answer.body.error.code).toBe(code);
		else expect(answer.body).toMatchObject({ deadLetters: 1, notes: [expect.any(String)] });
		expect((await letters()).length).toBe(count + 1);
	});

	it('refuses a body over the size limit with 413, keeping its head as a dead letter', async () => {
		const body = JSON.stringify({
			object: 'whatsapp_business_account',
			entry: [],
			pad: 'x'.repeat(520_000)
		});
		const answer = await post(body);
		expect(answer).toMatchObject({ status: 413, body: { error: { code: 'body_too_large' } } });
		expect((await letters())[0]!.reason).toMatch(/over the 512000-byte limit/);
	});

	it('refuses an unsigned body over the size limit with 401 and keeps nothing', async () => {
		const count = (await letters()).length;
		const body = JSON.stringify({ object: 'whatsapp_business_account', pad: 'x'.repeat(520_000) });
		const answer = await post(body, null);
		expect(answer).toMatchObject({ status: 401, body: { error: { code: 'invalid_signature' } } });
		expect((await letters()).length).toBe(count);
	});
});
