/**
 * What the webhook use cases (WhatsApp, Chatwoot) share: the answer shape, the body limit, and
 * keeping a delivery as a dead letter. Status codes: 200 processed (with how many events were
 * stored and what was kept as dead letters), 202 authentic but nothing Sigap understands (kept
 * as a dead letter; a 2xx so the platform does not redeliver it for days), 400 malformed JSON,
 * 401 not authentic (not stored: anyone can send those), 404 channel not configured, 413 too big.
 */
import type { RegistryPlace } from '../../domain/events';
import type { WireEvent } from '../../contracts/ingest';
import type { AdapterRecordResult } from './adapter-events.service';

/** Below adapter-node's default BODY_SIZE_LIMIT (512 KiB), like the ingest API. */
export const MAX_WEBHOOK_BYTES = 512_000;

export interface WebhookAnswer {
	status: number;
	body: unknown;
	/** Send `body` as text/plain (the WhatsApp verification challenge). */
	text?: boolean;
}

export interface WebhookDeps {
	/** Validate (as the ingest API does), place and store; rejected events come back. */
	record(events: WireEvent[], places: Map<string, RegistryPlace>): Promise<AdapterRecordResult>;
	deadLetter(reason: string, payload: string): Promise<number>;
	placeOf(phone: string): RegistryPlace | null;
	now(): number;
}

export const fail = (status: number, code: string, message: string): WebhookAnswer => ({
	status,
	body: { error: { code, message } }
});

export interface Tally {
	stored: number;
	duplicates: number;
	deadLetters: number;
	notes: string[];
}

export const newTally = (): Tally => ({ stored: 0, duplicates: 0, deadLetters: 0, notes: [] });

/** Bounds and decodes a body; a too-big one is kept (cut) as a dead letter and refused. */
export async function boundedBody(
	deps: Pick<WebhookDeps, 'deadLetter'>,
	body: Uint8Array
): Promise<WebhookAnswer | null> {
	if (body.byteLength <= MAX_WEBHOOK_BYTES) return null;
	const head = Buffer.from(body.subarray(0, 4096)).toString('utf8');
	const id = await deps.deadLetter(
		`body of ${body.byteLength} bytes is over the ${MAX_WEBHOOK_BYTES}-byte limit (first 4 KiB kept)`,
		head
	);
	return fail(
		413,
		'body_too_large',
		`body exceeds ${MAX_WEBHOOK_BYTES} bytes; kept as dead letter ${id}`
	);
}

/** Parses JSON; malformed JSON is kept as a dead letter and answered 400. */
export async function parseJson(
	deps: Pick<WebhookDeps, 'deadLetter'>,
	text: string
): Promise<{ ok: true; json: unknown } | { ok: false; answer: WebhookAnswer }> {
	try {
		return { ok: true, json: JSON.parse(text) };
	} catch (error) {
		const why = `body is not valid JSON: ${(error as Error).message}`;
		const id = await deps.deadLetter(why, text);
		return { ok: false, answer: fail(400, 'malformed_json', `${why}; kept as dead letter ${id}`) };
	}
}

/**
 * What a rejected event is kept as: the event itself (with the registry place of a chat's
 * start), so reprocessing validates exactly it again — the delivery alone would not do, since
 * the sessions already moved on and a redelivery yields no events — and the raw delivery.
 */
export interface RejectedEventLetter {
	rejected: WireEvent;
	place?: RegistryPlace;
	delivery: string;
}

/** Stores events and keeps the rejected ones (each with the delivery) as dead letters. */
export async function storeEvents(
	deps: WebhookDeps,
	events: WireEvent[],
	places: Map<string, RegistryPlace>,
	tally: Tally,
	raw: string
): Promise<void> {
	if (events.length === 0) return;
	const result = await deps.record(events, places);
	tally.stored += result.stored;
	tally.duplicates += result.duplicates;
	for (const r of result.rejected) {
		const why = `${r.event.type} ${r.event.id} rejected: ${r.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`;
		const letter: RejectedEventLetter = {
			rejected: r.event,
			...(places.has(r.event.id) ? { place: places.get(r.event.id) } : {}),
			delivery: raw
		};
		await deps.deadLetter(why, JSON.stringify(letter));
		tally.deadLetters++;
		tally.notes.push(why);
	}
}

/** 200 with the tally when something was understood, else 202 (all kept as dead letters). */
export function answer(tally: Tally, understood: boolean): WebhookAnswer {
	return { status: understood ? 200 : 202, body: tally };
}

/** Runs tasks one after another (webhook deliveries of one channel change shared session state). */
export class SerialQueue {
	#tail: Promise<unknown> = Promise.resolve();

	run<T>(task: () => Promise<T>): Promise<T> {
		const next = this.#tail.then(task, task);
		this.#tail = next.catch(() => undefined);
		return next;
	}
}
