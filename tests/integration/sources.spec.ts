/**
 * Issue 4 §5–6 through the harness on PGlite with a moved clock: a source that goes silent in
 * business hours makes the walls warn when its quiet limit is reached (and the warning goes
 * when it speaks again, or when the standard calendar closes; nothing on a Saturday); the
 * health API's rates and states; dead letters reprocessed after a "fix" store their events
 * exactly once, and what still fails keeps its new reason.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
	ReprocessReportV1,
	SourceHealthV1,
	SourcesAnswerV1,
	SourcesSilentV1
} from '../../src/lib/contracts/sources';
import {
	keepDeadLetter,
	listDeadLetters,
	waitingDeadLetters
} from '../../src/lib/server/repositories/dead-letter.repository';
import { readEvents } from '../../src/lib/server/repositories/event.repository';
import { upsertQueue } from '../../src/lib/server/repositories/reference.repository';
import { setQuietLimit } from '../../src/lib/server/services/sources/sources-routes';
import { FakeTimers } from '../support/fake-timers';
import { callEntered } from '../builders/wire-events';
import { startTestServer, type TestServer } from './harness';
import { until as waitUntil } from '../support/until';

const wib = (s: string) => Date.parse(`${s}+07:00`);
const M = 60_000;

const until = (what: string, check: () => boolean, ms = 5_000) => waitUntil(what, check, ms);

const pause = (ms = 150) => new Promise((r) => setTimeout(r, ms));

async function sources(server: TestServer): Promise<SourcesAnswerV1> {
	return fetch(`${server.url}/api/v1/sources`).then((r) => r.json());
}
const row = (answer: SourcesAnswerV1, source: string): SourceHealthV1 =>
	answer.sources.find((s) => s.source === source)!;

describe('a source silent in business hours warns the walls (standard calendar)', () => {
	const clock = new FakeTimers(wib('2026-03-09T09:00:00')); // a Monday
	let server: TestServer;
	const facts: SourcesSilentV1[] = [];
	const last = () => facts.at(-1)?.silent.map((s) => `${s.source} ${s.silentMinutes}`) ?? null;
	const advance = async (to: string) => {
		await clock.advanceTo(wib(to));
		await pause();
	};

	beforeAll(async () => {
		server = await startTestServer('pglite', clock);
		// The harness made its ingest key after the container started: read keys again.
		await server.container.sources.refresh();
		const wall = server.client();
		wall.on('sources:silent', (f) => facts.push(f));
		const ack = await wall.emitWithAck('metrics:subscribe', { province: null, issueType: null });
		expect(ack.ok).toBe(true);
		await until('the first fact after subscribing', () => facts.length > 0);
	});
	afterAll(() => server?.close());

	it('is receiving after an event: rates over 15 minutes, no warning', async () => {
		const at = clock.now();
		const posted = await server.post([callEntered({ at }), callEntered({ at })]);
		expect(posted.body.accepted).toBe(2);
		const answer = await sources(server);
		expect(answer).toMatchObject({
			asOf: '2026-03-09T09:00:00+07:00',
			businessHours: true,
			calendar: 'standard',
			windowMinutes: 15,
			defaultQuietMinutes: 15
		});
		expect(row(answer, 'test')).toMatchObject({
			kinds: ['ingest_key'],
			connected: null,
			receiving: true,
			silent: false,
			lastEventAt: '2026-03-09T09:00:00+07:00',
			eventsPerMinute: 0.13,
			deadLettersPerMinute: 0,
			quietMinutes: 15,
			quietLimitFrom: 'default'
		});
		expect(last()).toEqual([]);
	});

	it('warns exactly when the quiet limit is reached, with its minutes', async () => {
		await advance('2026-03-09T09:14:59');
		expect(last()).toEqual([]);
		await advance('2026-03-09T09:15:00');
		await until('the warning', () => last()?.length === 1);
		expect(facts.at(-1)!.silent).toEqual([
			{
				source: 'test',
				silentMinutes: 15,
				since: '2026-03-09T09:00:00+07:00',
				quietMinutes: 15
			}
		]);
		await advance('2026-03-09T09:23:00');
		expect(row(await sources(server), 'test')).toMatchObject({
			silent: true,
			receiving: false,
			silentMinutes: 23
		});
	});

	it('clears the warning as soon as the source speaks again', async () => {
		const before = facts.length;
		await server.post([callEntered({ at: clock.now() })]);
		await until('the all-clear', () => facts.length > before && last()?.length === 0);
	});

	it('follows a per-source quiet limit set by an administrator', async () => {
		const set = await setQuietLimit(server.container, { source: 'test', quietMinutes: '30' }, null);
		expect(set).toEqual({ ok: true });
		expect(row(await sources(server), 'test')).toMatchObject({
			quietMinutes: 30,
			quietLimitFrom: 'override'
		});
		await advance('2026-03-09T09:52:59');
		expect(last()).toEqual([]);
		await advance('2026-03-09T09:53:00');
		await until('the warning at 30 minutes', () => last()?.join() === 'test 30');
		const bad = await setQuietLimit(server.container, { source: 'test', quietMinutes: 'x' }, null);
		expect(bad).toEqual({
			ok: false,
			message: 'quietMinutes: a whole number of minutes, or empty for the default'
		});
		await setQuietLimit(server.container, { source: 'test', quietMinutes: '' }, null);
		expect(row(await sources(server), 'test').quietLimitFrom).toBe('default');
		// A source nobody watches is refused, not saved for nothing (found by the new-user trial).
		const typo = await setQuietLimit(
			server.container,
			{ source: 'nosuch', quietMinutes: '5' },
			null
		);
		expect(typo).toEqual({ ok: false, message: expect.stringContaining('no source "nosuch"') });
	});

	it('ends the warning at closing time and gives none outside business hours', async () => {
		await advance('2026-03-09T16:30:00');
		await until('the all-clear at closing', () => last()?.length === 0);
		// Friday's closing clears Friday's warning; nothing comes on Saturday.
		await advance('2026-03-13T16:30:00');
		expect(last()).toEqual([]);
		const count = facts.length;
		await advance('2026-03-14T11:00:00');
		expect(facts.length).toBe(count);
		const answer = await sources(server);
		expect(answer.businessHours).toBe(false);
		expect(row(answer, 'test')).toMatchObject({ silent: false, receiving: false });
	});

	it('warns again when Monday opens (the silence already exceeds the limit)', async () => {
		await advance('2026-03-16T07:30:00');
		await until('the Monday warning', () => last()?.length === 1);
		expect(facts.at(-1)!.silent[0]).toMatchObject({
			source: 'test',
			since: '2026-03-09T09:23:00+07:00'
		});
	});
});

describe.each(['pglite', 'postgres'] as const)(
	'dead letters reprocessed after a fix on %s',
	(kind) => {
		const APP_SECRET = 'app-secret-for-tests';
		const clock = new FakeTimers(wib('2026-03-09T10:00:00'));
		let server: TestServer;
		const db = () => server.container.database.db;
		const reprocess = async (
			body: unknown
		): Promise<{ status: number; body: ReprocessReportV1 }> => {
			const r = await fetch(`${server.url}/api/v1/admin/dead-letters/reprocess`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body)
			});
			return { status: r.status, body: await r.json() };
		};
		const stored = async (sourceEventId: string) => {
			let n = 0;
			for await (const page of readEvents(db(), { from: 0, to: wib('2027-01-01T00:00') }))
				n += page.filter((e) => e.sourceEventId === sourceEventId).length;
			return n;
		};

		beforeAll(async () => {
			server = await startTestServer(kind, clock, {
				env: {
					SIGAP_WHATSAPP_VERIFY_TOKEN: 'verify-token-for-tests',
					SIGAP_WHATSAPP_APP_SECRET: APP_SECRET,
					SIGAP_CONTACT_HASH_SECRET: 'contact-key-for-tests'
				}
			});
		});
		afterAll(() => server?.close());

		it('a WhatsApp message from a clock 10 minutes ahead: kept, still failing, then stored once after the fix', async () => {
			const at = clock.now() + 10 * M;
			const body = JSON.stringify({
				object: 'whatsapp_business_account',
				entry: [
					{
						id: '1',
						changes: [
							{
								field: 'messages',
								value: {
									messaging_product: 'whatsapp',
									metadata: {
										display_phone_number: '6221000000',
										phone_number_id: '1122334455667'
									},
									messages: [
										{
											id: 'wamid.ahead.1',
											from: '6281234567890',
											timestamp: String(at / 1000),
											type: 'text',
											text: { body: 'halo' }
										}
									]
								}
							}
						]
					}
				]
			});
			const signature = `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}`;
			const answer = await fetch(`${server.url}/api/v1/webhooks/whatsapp`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
				body
			}).then((r) => r.json());
			expect(answer).toMatchObject({ stored: 0, deadLetters: 1 });
			const [letter] = await listDeadLetters(db(), { source: 'whatsapp' });
			expect(letter!.reason).toMatch(
				/^chat\.started wa:wamid\.ahead\.1:started rejected: at: is in the future/
			);
			expect(JSON.parse(letter!.payload)).toMatchObject({
				rejected: { id: 'wa:wamid.ahead.1:started' },
				delivery: body
			});
			expect(row(await sources(server), 'whatsapp')).toMatchObject({
				kinds: ['whatsapp'],
				deadLettersWaiting: 1,
				deadLettersPerMinute: 0.07
			});

			// Before the fix: still failing, with the reason of this attempt.
			const early = await reprocess({ source: 'whatsapp' });
			expect(early.body).toMatchObject({ tried: 1, reprocessed: 0, stillFailing: 1, stored: 0 });
			const [again] = await listDeadLetters(db(), { source: 'whatsapp' });
			expect(again).toMatchObject({ id: letter!.id, attempts: 1, reprocessedAt: null });
			expect(again!.lastReason).toMatch(/at: is in the future/);

			// The fix: the server's clock is put right (it was 11 minutes behind).
			await clock.advanceTo(clock.now() + 11 * M);
			const fixed = await reprocess({ source: 'whatsapp' });
			expect(fixed.body).toMatchObject({ tried: 1, reprocessed: 1, stillFailing: 0, stored: 1 });
			expect(await stored('wa:wamid.ahead.1:started')).toBe(1);
			expect(await listDeadLetters(db(), { source: 'whatsapp' })).toEqual([]);

			// Idempotent: nothing is waiting; asking for the letter by id says it is done.
			expect((await reprocess({ source: 'whatsapp' })).body).toMatchObject({ tried: 0 });
			const byId = await reprocess({ id: letter!.id });
			expect(byId.body).toMatchObject({ reprocessed: 1, stored: 0 });
			expect(byId.body.outcomes[0]!.reason).toMatch(/^already reprocessed at 2026-03-09T10:11/);
			expect(await stored('wa:wamid.ahead.1:started')).toBe(1);
			expect(row(await sources(server), 'whatsapp').deadLettersWaiting).toBe(0);
		});

		it('an AMI frame on a queue nobody registered: stored once after the queue is added', async () => {
			const frame = [
				'Event: QueueCallerJoin',
				'Queue: antrian umum',
				'Uniqueid: 1773025200.77',
				'CallerIDNum: 081234567890',
				'Position: 1'
			].join('\r\n');
			const reason =
				'call.entered rejected: queue: unknown queue "antrian umum"; register it first (npx sigap queue add antrian umum --issue-type <code>)';
			const id = await keepDeadLetter(db(), {
				source: 'ami:test',
				reason,
				payload: frame,
				receivedAt: clock.now()
			});
			const early = await reprocess({ source: 'ami:test' });
			expect(early.body.outcomes).toEqual([
				expect.objectContaining({
					id,
					ok: false,
					reason: expect.stringMatching(/unknown queue "antrian umum"/)
				})
			]);

			await upsertQueue(db(), {
				name: 'antrian umum',
				label: 'Antrian umum',
				issueTypeCode: 'informasi_umum'
			});
			await clock.advanceTo(clock.now() + 5_000); // past the 2 s queue re-read
			const fixed = await reprocess({ source: 'ami:test' });
			expect(fixed.body).toMatchObject({ reprocessed: 1, stillFailing: 0, stored: 1 });
			expect(await stored('call:1773025200.77:antrian umum:entered')).toBe(1);
			expect((await reprocess({ id })).body).toMatchObject({ stored: 0, reprocessed: 1 });
			expect(await stored('call:1773025200.77:antrian umum:entered')).toBe(1);
		});

		it.each([
			[
				'a cut payload',
				'whatsapp',
				'body of 600000 bytes is over the 512000-byte limit (first 4 KiB kept)',
				'{"object":',
				/only the head of this payload was kept/
			],
			[
				'a source no adapter reads',
				'fax',
				'unreadable',
				'x',
				/no adapter reprocesses dead letters of source "fax"/
			],
			[
				'a broken AMI frame',
				'ami:test',
				'broken AMI frame',
				'no colon here',
				/broken AMI frame: line 1/
			]
		])('%s stays waiting, with its reason', async (_, source, reason, payload, why) => {
			const id = await keepDeadLetter(db(), { source, reason, payload, receivedAt: clock.now() });
			const r = await reprocess({ id });
			expect(r.body).toMatchObject({ tried: 1, stillFailing: 1 });
			expect(r.body.outcomes[0]!.reason).toMatch(why);
			const [waiting] = await waitingDeadLetters(db(), { id, afterId: 0, limit: 1 });
			expect(waiting).toMatchObject({ reprocessedAt: null, attempts: 1 });
		});

		it.each([
			[{ id: 'x' }, /^id: /],
			[{ source: 'Not A Source' }, /^source: a source name, or ami:<source>/],
			[{ everything: true }, /everything/]
		])('refuses %o with a 400 naming the field', async (body, message) => {
			const r = await reprocess(body);
			expect(r.status).toBe(400);
			expect((r.body as unknown as { error: { message: string } }).error.message).toMatch(message);
		});
	}
);
