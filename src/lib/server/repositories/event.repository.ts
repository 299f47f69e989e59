/**
 * The append-only contact-event store. `append` inserts a batch in one statement; a
 * (source, source_event_id) already stored is skipped by the unique index, never updated.
 * Once `append` resolves, the rows are committed (durable) — only then is a sender told
 * "accepted".
 */
import { and, asc, eq, gt, gte, lt } from 'drizzle-orm';
import {
	channelOf,
	contactIdOf,
	type Channel,
	type ContactEvent,
	type StoredEvent
} from '../../domain/events';
import type { Db } from '../db';
import { contactEvents } from '../db/schema';

export interface NewEvent {
	sourceEventId: string;
	event: ContactEvent;
}

type Row = typeof contactEvents.$inferSelect;

function toStored(
	row: Pick<Row, 'id' | 'source' | 'sourceEventId' | 'receivedAt' | 'payload'>
): StoredEvent {
	return {
		id: row.id,
		source: row.source,
		sourceEventId: row.sourceEventId,
		receivedAt: row.receivedAt.getTime(),
		event: row.payload as ContactEvent
	};
}

/** Stores the events not stored before; returns those newly stored, in input order. */
export async function appendEvents(
	db: Db,
	source: string,
	events: NewEvent[]
): Promise<StoredEvent[]> {
	if (events.length === 0) return [];
	const rows = events.map(({ sourceEventId, event }) => ({
		source,
		sourceEventId,
		type: event.type,
		channel: channelOf(event),
		contactId: contactIdOf(event),
		occurredAt: new Date(event.at),
		payload: event
	}));
	const inserted = await db.insert(contactEvents).values(rows).onConflictDoNothing().returning({
		id: contactEvents.id,
		source: contactEvents.source,
		sourceEventId: contactEvents.sourceEventId,
		receivedAt: contactEvents.receivedAt,
		payload: contactEvents.payload
	});
	return inserted.sort((a, b) => a.id - b.id).map(toStored);
}

/**
 * Events that happened in [from, to), in store order, a page at a time (the live state is
 * rebuilt from these at start; history queries read ranges).
 */
export async function* readEvents(
	db: Db,
	range: { from: number; to: number; channel?: Channel },
	pageSize = 5000
): AsyncGenerator<StoredEvent[]> {
	let after = 0;
	for (;;) {
		const page = await db
			.select()
			.from(contactEvents)
			.where(
				and(
					gte(contactEvents.occurredAt, new Date(range.from)),
					lt(contactEvents.occurredAt, new Date(range.to)),
					gt(contactEvents.id, after),
					range.channel ? eq(contactEvents.channel, range.channel) : undefined
				)
			)
			.orderBy(asc(contactEvents.id))
			.limit(pageSize);
		if (page.length === 0) return;
		yield page.map(toStored);
		after = page[page.length - 1]!.id;
	}
}
