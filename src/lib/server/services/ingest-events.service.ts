/**
 * `POST /api/v1/events` as a use case: authenticate the source, bound and parse the body,
 * validate each event on its own (a bad one never spoils the good ones), store the good
 * ones in one statement, and only then answer and publish. metrics.md: "the same line read
 * twice counts once" — duplicates are answered `duplicate` and not republished.
 */
import {
	MAX_BATCH_BYTES,
	MAX_EVENTS_PER_BATCH,
	type EventResult,
	type IngestResponse
} from '../../contracts/ingest';
import type { DomainBus } from '../events/bus';
import { validateEvent, type ValidationContext } from '../ingest/validate-event';
import type { NewEvent } from '../repositories/event.repository';
import type { ContactEvent, StoredEvent } from '../../domain/events';

export interface IngestDeps {
	sourceOfKey(key: string): Promise<string | null>;
	append(source: string, events: NewEvent[]): Promise<StoredEvent[]>;
	/** The reference to validate against; `queues` names the batch's queues, so the
	 * provider can re-read a queue registered since start (`sigap queue add`). */
	context(now: number, queues: Set<string>): Promise<ValidationContext>;
	bus: DomainBus;
	now(): number;
	/** Ingest-time enrichment of valid events (the cooperative registry's place of a caller). */
	enrich?(event: ContactEvent): ContactEvent;
}

export interface HttpAnswer {
	status: number;
	body: IngestResponse | { error: { code: string; message: string } };
}

const fail = (status: number, code: string, message: string): HttpAnswer => ({
	status,
	body: { error: { code, message } }
});

/** The key from `Authorization: Bearer …` or `X-Sigap-Key`. */
export function keyFromHeaders(headers: Headers): string | null {
	const bearer = headers.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
	return bearer ?? headers.get('x-sigap-key') ?? null;
}

function parseBody(
	text: string
): { ok: true; events: unknown[] } | { ok: false; answer: HttpAnswer } {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		return {
			ok: false,
			answer: fail(400, 'malformed_json', `body is not valid JSON: ${(error as Error).message}`)
		};
	}
	const events = (json as { events?: unknown })?.events;
	if (!json || typeof json !== 'object' || Array.isArray(json) || !Array.isArray(events)) {
		return {
			ok: false,
			answer: fail(400, 'invalid_batch', 'body must be an object {"events": [ … ]}')
		};
	}
	const extra = Object.keys(json).filter((k) => k !== 'events');
	if (extra.length) {
		return {
			ok: false,
			answer: fail(
				400,
				'invalid_batch',
				`unknown field(s) ${extra.map((k) => `"${k}"`).join(', ')}; the body is {"events": [ … ]}`
			)
		};
	}
	if (events.length === 0)
		return { ok: false, answer: fail(400, 'invalid_batch', '"events" is empty') };
	if (events.length > MAX_EVENTS_PER_BATCH) {
		return {
			ok: false,
			answer: fail(
				413,
				'batch_too_large',
				`${events.length} events in one batch; at most ${MAX_EVENTS_PER_BATCH}`
			)
		};
	}
	return { ok: true, events };
}

function queuesNamed(events: unknown[]): Set<string> {
	const names = new Set<string>();
	for (const e of events) {
		const queue = (e as { queue?: unknown } | null)?.queue;
		if (typeof queue === 'string') names.add(queue);
	}
	return names;
}

/** A queue seen for the first time is registered rather than its calls lost; say so. */
function newQueueWarning(event: ContactEvent, fresh: ReadonlySet<string> | undefined) {
	const queue = 'queue' in event ? event.queue : undefined;
	if (!queue || !fresh?.has(queue)) return null;
	return [
		{
			path: 'queue',
			message: `queue "${queue}" was not registered: added with issue type "unknown"; set it with npx sigap queue add ${queue} --issue-type <code>`
		}
	];
}

export async function ingestEvents(
	deps: IngestDeps,
	headers: Headers,
	body: string
): Promise<HttpAnswer> {
	const key = keyFromHeaders(headers);
	if (!key) return fail(401, 'missing_key', 'send the ingest key as "Authorization: Bearer <key>"');
	const source = await deps.sourceOfKey(key);
	if (!source) return fail(401, 'invalid_key', 'unknown or revoked ingest key');
	if (Buffer.byteLength(body) > MAX_BATCH_BYTES) {
		return fail(413, 'body_too_large', `body exceeds ${MAX_BATCH_BYTES} bytes; split the batch`);
	}
	const parsed = parseBody(body);
	if (!parsed.ok) return parsed.answer;

	const ctx = await deps.context(deps.now(), queuesNamed(parsed.events));
	const results: EventResult[] = [];
	const fresh: (NewEvent & { index: number })[] = [];
	const seen = new Set<string>();
	parsed.events.forEach((raw, index) => {
		const v = validateEvent(raw, ctx);
		if (!v.ok)
			results[index] = { index, id: v.sourceEventId, status: 'rejected', problems: v.problems };
		else if (seen.has(v.sourceEventId))
			results[index] = { index, id: v.sourceEventId, status: 'duplicate' };
		else {
			seen.add(v.sourceEventId);
			const event = deps.enrich ? deps.enrich(v.event) : v.event;
			fresh.push({ index, sourceEventId: v.sourceEventId, event });
		}
	});
	const stored = await deps.append(source, fresh);
	const storedIds = new Set(stored.map((s) => s.sourceEventId));
	for (const { index, sourceEventId, event } of fresh) {
		if (!storedIds.has(sourceEventId)) {
			results[index] = { index, id: sourceEventId, status: 'duplicate' };
			continue;
		}
		const warnings = newQueueWarning(event, ctx.newQueues);
		results[index] = {
			index,
			id: sourceEventId,
			status: 'accepted',
			...(warnings && { warnings })
		};
	}
	if (stored.length) deps.bus.publish('contact-events:appended', { events: stored });
	const tally = (s: EventResult['status']) => results.filter((r) => r.status === s).length;
	return {
		status: 200,
		body: {
			accepted: tally('accepted'),
			duplicates: tally('duplicate'),
			rejected: tally('rejected'),
			results
		}
	};
}
