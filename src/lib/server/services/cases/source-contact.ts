/**
 * The call or chat a new case names (issue 3 §1 "a call or chat that an agent turns into a
 * case, linked to that contact"): found in the contact event store or refused naming
 * `sourceContactId`, refused outside the caller's scope like any case there (issue 5 §2: an
 * unplaced contact belongs to national scope only), and shown on the case without personal data.
 */
import { covers } from '../../../domain/access/scope';
import {
	SOURCE_CHANNELS,
	sourceContactOf,
	type SourceChannel,
	type SourceContact
} from '../../../domain/cases/source-contact';
import { toWibIso } from '../../../domain/time/wib';
import type { CaseChannel, SourceContactView } from '../../../contracts/cases';
import type { Container } from '../../container';
import { caseOfContact, eventsOfContact } from '../../repositories/source-contact.repository';
import { currentPrincipal } from '../access/request-context';
import { CaseServiceError, invalid } from './errors';

const NAMES: Record<SourceChannel, string> = { call: 'call', chat: 'chat session' };

/**
 * The stored call or chat session `id`. `channel` (the body's, if it gave one) picks between a
 * call and a chat session that share an id, and must be the contact's own channel.
 */
export async function findSourceContact(
	c: Container,
	id: string,
	channel?: CaseChannel
): Promise<SourceContact> {
	const found = (await eventsOfContact(c.database.db, id))
		.map((g) => sourceContactOf(g.channel, id, g.events, c.live.settings))
		.filter((k): k is SourceContact => k !== null);
	if (found.length === 0) {
		throw invalid('sourceContactId', `no call or chat session "${id}" is stored`);
	}
	const mine = channel ? found.filter((k) => k.channel === channel) : found;
	if (mine.length === 0) {
		throw invalid(
			'channel',
			`"${id}" is a ${NAMES[found[0]!.channel]}, so the case's channel is ${found[0]!.channel}, not ${channel}`
		);
	}
	if (mine.length > 1) {
		throw invalid(
			'sourceContactId',
			`both a call and a chat session have id "${id}"; give channel (${SOURCE_CHANNELS.join(' or ')})`
		);
	}
	const contact = mine[0]!;
	const p = currentPrincipal();
	if (p && !covers(p, contact)) {
		throw new CaseServiceError(
			'forbidden',
			`sourceContactId: ${NAMES[contact.channel]} ${id} (province ${contact.province}, issue type ${contact.issueType}) is outside your scope`,
			'sourceContactId'
		);
	}
	return contact;
}

export function sourceContactView(k: SourceContact): SourceContactView {
	return {
		channel: k.channel,
		id: k.id,
		startedAt: toWibIso(k.startedAt),
		queues: k.queues,
		province: k.province,
		issueType: k.issueType
	};
}

/** The linked contact of a stored case, for its view; null when none (or no longer stored). */
export async function linkedContact(
	c: Container,
	channel: string,
	id: string | null
): Promise<SourceContactView | null> {
	if (id === null || !SOURCE_CHANNELS.includes(channel as SourceChannel)) return null;
	const group = (await eventsOfContact(c.database.db, id)).find((g) => g.channel === channel);
	const contact = group && sourceContactOf(group.channel, id, group.events, c.live.settings);
	return contact ? sourceContactView(contact) : null;
}

export type ContactPrefill =
	| { ok: true; contact: SourceContactView; existing: { id: string; number: string } | null }
	| { ok: false; message: string };

/**
 * For the case form (`/cases/new?contact=<id>[&channel=call|chat]`): the contact to prefill from and the case
 * already made from it (the form points there instead of making a second), or why not.
 */
export async function contactPrefill(
	c: Container,
	id: string,
	channel?: SourceChannel
): Promise<ContactPrefill> {
	try {
		const contact = await findSourceContact(c, id, channel);
		const existing = await caseOfContact(c.database.db, contact.channel, contact.id);
		return { ok: true, contact: sourceContactView(contact), existing };
	} catch (caught) {
		if (caught instanceof CaseServiceError) return { ok: false, message: caught.message };
		throw caught;
	}
}
