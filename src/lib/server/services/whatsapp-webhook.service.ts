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
		// Authenticity first: only an authentic oversized body is worth a dead letter, or anyone
		// could fill the table (the whole body is in memory already, so the HMAC is cheap).
		const auth = checkHubSignature(this.deps.appSecret, body, headers.get('x-hub-signature-256'));
		if (!auth.ok) {
			this.deps.log?.(`sigap: WhatsApp webhook refused: ${auth.reason}`);
			return fail(401, 'invalid_signature', auth.reason);
		}
		const tooBig = await boundedBody(this.deps, body);
		if (tooBig) return tooBig;
		return this.#process(Buffer.from(body).toString('utf8'), this.deps);
	}

	/**
	 * A kept delivery again, after a fix (issue 4 §5): its signature was checked when it came,
	 * so it is not checked again. Nothing is kept as a new dead letter: what still fails comes
	 * back in `problems` for the caller to note on the letter it reprocesses.
	 */
	reprocess(raw: string): Promise<{ answer: WebhookAnswer; problems: string[] }> {
		return this.#queue.run(async () => {
			const problems: string[] = [];
			const deadLetter = async (reason: string) => (problems.push(reason), 0);
			const answer = await this.#process(raw, { ...this.deps, deadLetter });
			return { answer, problems };
		});
	}

	/** An authentic delivery's text: read, applied to sessions, stored; the rest kept. */
	async #process(raw: string, d: WhatsAppDeps): Promise<WebhookAnswer> {
		const parsed = await parseJson(d, raw);
		if (!parsed.ok) return parsed.answer;
		const tally = newTally();
		const read = readWhatsAppWebhook(parsed.json);
		if (!read) {
			const why =
				'not a WhatsApp Business Account webhook (object must be "whatsapp_business_account" with entry[])';
			await d.deadLetter(why, raw);
			return answer({ ...tally, deadLetters: 1, notes: [why] }, false);
		}
		const out: WaOutput = {
			events: [],
			places: new Map(),
			problems: read.unread.map((u) => u.reason)
		};
		for (const m of read.inbound.sort((a, b) => a.at - b.at))
			await applyInbound(d.store, m, d.contactSecret, d.placeOf, out);
		for (const s of read.statuses.sort((a, b) => a.at - b.at))
			await applyStatus(d.store, s, d.contactSecret, out);
		if (out.problems.length) {
			await d.deadLetter(out.problems.join('; '), raw);
			tally.deadLetters++;
			tally.notes.push(...out.problems);
		}
		await storeEvents(d, out.events, out.places, tally, raw);
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
