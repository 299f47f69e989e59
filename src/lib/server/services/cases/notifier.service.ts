/**
 * The outgoing webhook of breach notifications (issue 3 §Alerts): reads the outbox, posts each
 * notification whose delivery instant has come (the team's next business opening), signs the
 * body with HMAC-SHA256, and retries with backoff until the receiver answers 2xx. One timer at
 * the earliest pending instant; a restart resumes from the table.
 */
import { createHmac } from 'node:crypto';
import type { Db } from '../../db';
import {
	dueWebhooks,
	markWebhookFailed,
	markWebhookSent,
	nextWebhookAt,
	type NotificationRecord
} from '../../repositories/notification.repository';
import { OutboxLoop } from './outbox-loop';
import type { TimerPort } from './timers';

export interface WebhookTarget {
	url: string;
	secret: string;
}

export const SIGNATURE_HEADER = 'x-sigap-signature';
export const TIMESTAMP_HEADER = 'x-sigap-timestamp';
export const DELIVERY_HEADER = 'x-sigap-delivery';
const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 30_000;

/** `sha256=<hex>` of HMAC-SHA256(secret, `<timestamp>.<body>`): what a receiver recomputes. */
export function signature(secret: string, timestamp: string, body: string): string {
	return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface NotifierDeps {
	db: Db;
	timers: TimerPort;
	target: WebhookTarget | null;
	/** The next instant the notification may be retried (business hours of its team). */
	retryAt(n: NotificationRecord, earliest: number): number;
	fetch?: typeof fetch;
}

export class WebhookNotifier {
	#loop: OutboxLoop;

	constructor(private deps: NotifierDeps) {
		this.#loop = new OutboxLoop(deps.timers, 'webhook notifier');
	}

	/** Re-reads the outbox's earliest pending instant and arms for it (after new rows, at start). */
	poke(): Promise<void> {
		if (!this.deps.target) return Promise.resolve();
		return this.#loop.run(() => this.#arm());
	}

	idle(): Promise<void> {
		return this.#loop.idle();
	}

	stop(): void {
		this.#loop.stop();
	}

	async #arm(): Promise<void> {
		if (this.#loop.stopped) return;
		this.#loop.disarm();
		const at = await nextWebhookAt(this.deps.db);
		if (at !== null) this.#loop.armAt(at.getTime(), () => this.#send());
	}

	async #send(): Promise<void> {
		const now = this.deps.timers.now();
		for (const n of await dueWebhooks(this.deps.db, new Date(now))) {
			await this.#deliver(n, now);
		}
		await this.#arm();
	}

	async #deliver(n: NotificationRecord, now: number): Promise<void> {
		const { url, secret } = this.deps.target!;
		const body = JSON.stringify({ id: n.id, kind: n.kind, text: n.text, ...n.payload });
		const timestamp = String(Math.floor(now / 1000));
		try {
			const response = await (this.deps.fetch ?? fetch)(url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					[SIGNATURE_HEADER]: signature(secret, timestamp, body),
					[TIMESTAMP_HEADER]: timestamp,
					[DELIVERY_HEADER]: String(n.id)
				},
				body,
				signal: AbortSignal.timeout(10_000)
			});
			if (response.ok) return markWebhookSent(this.deps.db, n.id, new Date(now));
			await this.#failed(n, `HTTP ${response.status}`, now);
		} catch (error) {
			await this.#failed(n, (error as Error).message, now);
		}
	}

	async #failed(n: NotificationRecord, error: string, now: number): Promise<void> {
		const attempts = n.webhookAttempts + 1;
		const retry =
			attempts >= MAX_ATTEMPTS
				? null
				: new Date(this.deps.retryAt(n, now + FIRST_RETRY_MS * 2 ** (attempts - 1)));
		await markWebhookFailed(this.deps.db, n.id, error, retry);
	}
}
