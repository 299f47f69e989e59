/**
 * How a server-side adapter (AMI, WhatsApp, Chatwoot) stores what it produced: each wire event
 * is validated exactly as `POST /api/v1/events` validates it (schema, known queue, province and
 * issue-type codes, clock skew), enriched from the cooperative registry, and stored through
 * `container.record` (dedupe by source event id, publish to the live engine). Rejected events
 * come back with their problems so the adapter keeps them as dead letters.
 */
import type { EventProblem, WireEvent } from '../../contracts/ingest';
import {
	UNKNOWN,
	type ContactEvent,
	type RegistryPlace,
	type StoredEvent
} from '../../domain/events';
import { provinceOfPlace } from '../../domain/registry';
import { validateEvent, type ValidationContext } from '../ingest/validate-event';
import type { NewEvent } from '../repositories/event.repository';

export interface AdapterEventsDeps {
	context(now: number, queues: Set<string>): Promise<ValidationContext>;
	enrich(event: ContactEvent): ContactEvent;
	record(source: string, events: NewEvent[]): Promise<StoredEvent[]>;
	now(): number;
}

export interface AdapterRecordResult {
	stored: number;
	duplicates: number;
	rejected: { event: WireEvent; problems: EventProblem[] }[];
}

/** One line naming every problem: `queue: unknown queue "x"; …`. */
export function problemsText(problems: EventProblem[]): string {
	return problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
}

/**
 * A chat adapter knows the sender's number, which its events do not carry: it places the
 * session's start itself (`places`, by event id); the province fills in only when none was given.
 */
function place(event: ContactEvent, registry: RegistryPlace | undefined): ContactEvent {
	if (!registry || (event.type !== 'chat.started' && event.type !== 'call.entered')) return event;
	const given = event.province && event.province !== UNKNOWN;
	return { ...event, registry, province: given ? event.province : provinceOfPlace(registry) };
}

export async function recordAdapterEvents(
	deps: AdapterEventsDeps,
	source: string,
	events: WireEvent[],
	places: ReadonlyMap<string, RegistryPlace> = new Map()
): Promise<AdapterRecordResult> {
	const result: AdapterRecordResult = { stored: 0, duplicates: 0, rejected: [] };
	if (events.length === 0) return result;
	const queues = new Set(events.flatMap((e) => ('queue' in e && e.queue ? [e.queue] : [])));
	const ctx = await deps.context(deps.now(), queues);
	const fresh = new Map<string, NewEvent>();
	for (const event of events) {
		const checked = validateEvent(event, ctx);
		if (!checked.ok) result.rejected.push({ event, problems: checked.problems });
		else if (fresh.has(checked.sourceEventId)) result.duplicates++;
		else
			fresh.set(checked.sourceEventId, {
				sourceEventId: checked.sourceEventId,
				event: deps.enrich(place(checked.event, places.get(checked.sourceEventId)))
			});
	}
	const stored = fresh.size ? await deps.record(source, [...fresh.values()]) : [];
	result.stored = stored.length;
	result.duplicates += fresh.size - stored.length;
	return result;
}
