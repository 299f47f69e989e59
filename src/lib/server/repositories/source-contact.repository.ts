/**
 * The calls and chat sessions cases are made from (issue 3 §1): a contact's stored events by
 * its id, and the case already made from it. The duplicate check runs under a transaction-scoped
 * advisory lock on the contact, so two agents turning the same call into a case at the same
 * moment get one case and one refusal, on PostgreSQL and PGlite alike (no unique index needed).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { ContactEvent } from '../../domain/events';
import type { SourceChannel } from '../../domain/cases/source-contact';
import type { Db } from '../db';
import { cases, contactEvents } from '../db/schema';

export interface ChannelEvents {
	channel: SourceChannel;
	events: ContactEvent[];
}

/** Every stored event of the call and/or chat session with this id, grouped by channel. */
export async function eventsOfContact(db: Db, id: string): Promise<ChannelEvents[]> {
	const rows = await db
		.select({ channel: contactEvents.channel, payload: contactEvents.payload })
		.from(contactEvents)
		.where(and(inArray(contactEvents.channel, ['call', 'chat']), eq(contactEvents.contactId, id)))
		.orderBy(asc(contactEvents.id));
	const out = new Map<SourceChannel, ContactEvent[]>();
	for (const r of rows) {
		const channel = r.channel as SourceChannel;
		out.set(channel, [...(out.get(channel) ?? []), r.payload as ContactEvent]);
	}
	return [...out].map(([channel, events]) => ({ channel, events }));
}

/** Holds the contact until the transaction ends (the 'case-contact' lock class). */
export async function lockContact(tx: Db, channel: SourceChannel, id: string): Promise<void> {
	await tx.execute(sql`select pg_advisory_xact_lock(727100003, hashtext(${`${channel}|${id}`}))`);
}

/** The case (any status) already made from this contact, or null. */
export async function caseOfContact(
	db: Db,
	channel: SourceChannel,
	id: string
): Promise<{ id: string; number: string; status: string } | null> {
	const [row] = await db
		.select({ id: cases.id, number: cases.number, status: cases.status })
		.from(cases)
		.where(and(eq(cases.channel, channel), eq(cases.sourceContactId, id)))
		.orderBy(asc(cases.createdAt))
		.limit(1);
	return row ?? null;
}
