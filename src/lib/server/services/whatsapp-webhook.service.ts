/**
 * `GET/POST /api/v1/webhooks/whatsapp` (issue 4 §2): Meta's verification handshake, then signed
 * deliveries (`X-Hub-Signature-256` over the raw body with the app secret) applied to sessions
 * (whatsapp-apply.ts). One delivery at a time; a redelivered message or status changes
 * nothing; what cannot be read is kept as a dead letter with the whole delivery.
 */
import { checkHubSignature, safeEqual } from '../ingest/webhook-auth';
import { readWhatsAppWebhook } from '../ingest/whatsapp/parse';
import { SESSION_WINDOW_MS, windowEndOf } from '../ingest/whatsapp/session';
import type { ChatSessionRow } from '../repositories/chat-session.repository';
import {
	applyInbound,
	applyStatus,
	endedEvent,
	type WaOutput,
	type WaStore
} from './whatsapp-apply';
import {
	answer,
	boundedBody,
	fail,
	newTally,
	parseJson,
	SerialQueue,
	storeEvents,
	type WebhookAnswer,
	type WebhookDeps
} from './webhook-common';

export interface WhatsAppDeps extends WebhookDeps {
	verifyToken: string;
	appSecret: string;
	contactSecret: string;
	store: WaStore & { idleSessions(before: number): Promise<ChatSessionRow[]> };
	log?(line: string): void;
}

const SWEEP_MS = 60_000;

export class WhatsAppWebhook {
	readonly #queue = new SerialQueue();
	#sweeper: ReturnType<typeof setInterval> | null = null;

	constructor(private readonly deps: WhatsAppDeps) {}

	/** Meta's subscription check: echo `hub.challenge` when mode and token are right. */
	verify(params: URLSearchParams): WebhookAnswer {
		if (params.get('hub.mode') !== 'subscribe')
			return fail(400, 'invalid_mode', 'hub.mode must be "subscribe"');
		const token = params.get('hub.verify_token');
		if (!token || !safeEqual(token, this.deps.verifyToken)) {
			return fail(
				403,
				'invalid_verify_token',
				'hub.verify_token does not match SIGAP_WHATSAPP_VERIFY_TOKEN'
			);
		}
		const challenge = params.get('hub.challenge');
		if (!challenge) return fail(400, 'missing_challenge', 'hub.challenge is missing');
		return { status: 200, body: challenge, text: true };
	}

	receive(headers: Headers, body: Uint8Array): Promise<WebhookAnswer> {
		return this.#queue.run(() => this.#receive(headers, body));
	}

	async #receive(headers: Headers, body: Uint8Array): Promise<WebhookAnswer> {
		const tooBig = await boundedBody(this.deps, body);
		if (tooBig) return tooBig;
		const auth = checkHubSignature(this.deps.appSecret, body, headers.get('x-hub-signature-256'));
		if (!auth.ok) {
			this.deps.log?.(`sigap: WhatsApp webhook refused: ${auth.reason}`);
			return fail(401, 'invalid_signature', auth.reason);
		}
		const raw = Buffer.from(body).toString('utf8');
		const parsed = await parseJson(this.deps, raw);
		if (!parsed.ok) return parsed.answer;
		const tally = newTally();
		const read = readWhatsAppWebhook(parsed.json);
		if (!read) {
			const why =
				'not a WhatsApp Business Account webhook (object must be "whatsapp_business_account" with entry[])';
			await this.deps.deadLetter(why, raw);
			return answer({ ...tally, deadLetters: 1, notes: [why] }, false);
		}
		const out: WaOutput = {
			events: [],
			places: new Map(),
			problems: read.unread.map((u) => u.reason)
		};
		for (const m of read.inbound.sort((a, b) => a.at - b.at))
			await applyInbound(this.deps.store, m, this.deps.contactSecret, this.deps.placeOf, out);
		for (const s of read.statuses.sort((a, b) => a.at - b.at))
			await applyStatus(this.deps.store, s, this.deps.contactSecret, out);
		if (out.problems.length) {
			await this.deps.deadLetter(out.problems.join('; '), raw);
			tally.deadLetters++;
			tally.notes.push(...out.problems);
		}
		await storeEvents(this.deps, out.events, out.places, tally, raw);
		return answer(tally, read.inbound.length + read.statuses.length > 0);
	}

	/** Ends the sessions whose 24 h window closed (at the instant it closed). */
	closeIdle(now: number): Promise<number> {
		return this.#queue.run(async () => {
			const idle = await this.deps.store.idleSessions(now - SESSION_WINDOW_MS);
			const events = [];
			for (const s of idle) {
				await this.deps.store.updateSession(s.id, { endedAt: windowEndOf(s) });
				events.push(endedEvent(s, windowEndOf(s)));
			}
			await storeEvents(this.deps, events, new Map(), newTally(), JSON.stringify(events));
			return idle.length;
		});
	}

	start(): void {
		this.#sweeper = setInterval(() => {
			this.closeIdle(this.deps.now()).catch((e) =>
				this.deps.log?.(`sigap: WhatsApp session sweep failed: ${(e as Error).message}`)
			);
		}, SWEEP_MS);
		this.#sweeper.unref();
	}

	async stop(): Promise<void> {
		if (this.#sweeper) clearInterval(this.#sweeper);
		await this.#queue.run(async () => undefined);
	}
}
