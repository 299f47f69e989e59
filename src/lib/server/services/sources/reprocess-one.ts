/**
 * One dead letter through the adapter it came from again, after a fix (issue 4 §5): events the
 * ingest validation rejected through the same validation; a WhatsApp or Chatwoot delivery
 * through its parse-and-record path without checking the signature again (it was checked when it
 * came, or it was never kept); an AMI frame through the AMI mappers. Events are stored under
 * the source's own name, so a redelivery of one already stored is a duplicate.
 */
import { WIRE_EVENT_TYPES, type WireEvent } from '../../../contracts/ingest';
import type { RegistryPlace } from '../../../domain/events';
import { sourceOfDeadLetter } from '../../../domain/sources/health';
import { toWibIso } from '../../../domain/time/wib';
import type { Channels } from '../../channels';
import { AmiProblem } from '../../ingest/ami/fields';
import { parseFrame } from '../../ingest/ami/frame';
import { QueueTracker } from '../../ingest/ami/queue-tracker';
import type { DeadLetter } from '../../repositories/dead-letter.repository';
import { problemsText, type AdapterRecordResult } from '../adapter-events.service';
import { CHATWOOT } from '../chatwoot-webhook.service';
import { WHATSAPP } from '../whatsapp-apply';
import type { RejectedEventLetter, Tally, WebhookAnswer } from '../webhook-common';

export type ReprocessChannels = Pick<Channels, 'recordWire' | 'whatsapp' | 'chatwoot'>;

export interface Attempt {
	ok: boolean;
	reason: string | null;
	stored: number;
	duplicates: number;
	/** Nothing was tried (a letter already reprocessed): it is not marked again. */
	skipped?: boolean;
}

const failed = (reason: string): Attempt => ({ ok: false, reason, stored: 0, duplicates: 0 });

/** The reasons of letters only the head of which was kept (webhook-common, frame, repository). */
const TRUNCATED = /first 4 KiB kept|without an end|payload cut at/;
const WIRE_TYPES: ReadonlySet<string> = new Set(WIRE_EVENT_TYPES);

const isWire = (e: unknown): e is WireEvent =>
	!!e &&
	typeof e === 'object' &&
	WIRE_TYPES.has(String((e as { type?: unknown }).type)) &&
	typeof (e as { id?: unknown }).id === 'string';

/**
 * Events the validation rejected, kept as JSON: a webhook's `{ rejected, place?, delivery }`
 * (webhook-common.ts), or wire events as AMI and the WhatsApp sweep keep them (one, or an array).
 */
export function rejectedOf(
	payload: string
): { events: WireEvent[]; places: Map<string, RegistryPlace> } | null {
	if (!/^\s*[[{]/.test(payload)) return null;
	let json: unknown;
	try {
		json = JSON.parse(payload);
	} catch {
		return null;
	}
	const letter = json as Partial<RejectedEventLetter>;
	if (letter && isWire(letter.rejected)) {
		const places = new Map<string, RegistryPlace>();
		if (letter.place) places.set(letter.rejected.id, letter.place);
		return { events: [letter.rejected], places };
	}
	const list = Array.isArray(json) ? json : [json];
	return list.length > 0 && list.every(isWire) ? { events: list, places: new Map() } : null;
}

function recorded(result: AdapterRecordResult): Attempt {
	const { stored, duplicates, rejected } = result;
	if (rejected.length === 0) return { ok: true, reason: null, stored, duplicates };
	const why = rejected.map((r) => `${r.event.type} rejected: ${problemsText(r.problems)}`);
	return { ok: false, reason: why.join('; '), stored, duplicates };
}

function webhookOutcome(result: { answer: WebhookAnswer; problems: string[] }): Attempt {
	const tally = result.answer.body as Partial<Tally>;
	const counts = { stored: tally.stored ?? 0, duplicates: tally.duplicates ?? 0 };
	if (result.problems.length) return { ok: false, reason: result.problems.join('; '), ...counts };
	return { ok: true, reason: null, ...counts };
}

/** An AMI frame as the live adapter reads it, on a fresh tracker, at the instant it came. */
async function amiFrame(ch: ReprocessChannels, source: string, letter: DeadLetter) {
	const read = parseFrame(letter.payload.replace(/\r/g, '').trim());
	if (read.kind === 'problem') return failed(read.message);
	let events: WireEvent[];
	try {
		events = new QueueTracker().handle(read.message, letter.receivedAt);
	} catch (error) {
		if (error instanceof AmiProblem) return failed(error.message);
		throw error;
	}
	if (events.length === 0)
		return { ok: true, reason: 'nothing to record from this frame', stored: 0, duplicates: 0 };
	return recorded(await ch.recordWire(source, events));
}

/** Reprocesses one letter; the caller marks it with the outcome. */
export async function reprocessOne(ch: ReprocessChannels, letter: DeadLetter): Promise<Attempt> {
	if (letter.reprocessedAt !== null) {
		const at = toWibIso(letter.reprocessedAt);
		return {
			ok: true,
			reason: `already reprocessed at ${at}`,
			stored: 0,
			duplicates: 0,
			skipped: true
		};
	}
	if (TRUNCATED.test(letter.reason))
		return failed(
			'only the head of this payload was kept (it was too big): it cannot be read again'
		);
	const source = sourceOfDeadLetter(letter.source);
	const rejected = rejectedOf(letter.payload);
	if (rejected) return recorded(await ch.recordWire(source, rejected.events, rejected.places));
	if (letter.source === WHATSAPP) {
		if (!ch.whatsapp) return failed('the WhatsApp webhook is not configured on this server');
		return webhookOutcome(await ch.whatsapp.reprocess(letter.payload));
	}
	if (letter.source === CHATWOOT) {
		if (!ch.chatwoot) return failed('the Chatwoot webhook is not configured on this server');
		return webhookOutcome(await ch.chatwoot.reprocess(letter.payload, letter.receivedAt));
	}
	if (letter.source.startsWith('ami:')) return amiFrame(ch, source, letter);
	return failed(`no adapter reprocesses dead letters of source "${letter.source}"`);
}
