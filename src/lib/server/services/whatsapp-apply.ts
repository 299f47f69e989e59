/**
 * WhatsApp messages and statuses applied to sessions (ingest/whatsapp/session.ts), producing
 * chat events with ids that make redeliveries duplicates:
 * `wa:<first wamid>:started|ended`, `wa:<first wamid>:reply:<outbound wamid>:<status>`.
 */
import type { RegistryPlace } from '../../domain/events';
import { maskPhone, toE164 } from '../../domain/phone';
import type { WireEvent } from '../../contracts/ingest';
import { contactKey } from '../ingest/webhook-auth';
import type { WaInbound, WaStatus } from '../ingest/whatsapp/parse';
import {
	inboundDecision,
	RECEIVED_RANK,
	statusRank,
	windowEndOf
} from '../ingest/whatsapp/session';
import type {
	ChatSessionRow,
	SessionPatch,
	WaMessageState
} from '../repositories/chat-session.repository';

export const WHATSAPP = 'whatsapp';

export interface WaStore {
	latestSession(conversation: string): Promise<ChatSessionRow | null>;
	createSession(row: ChatSessionRow): Promise<void>;
	updateSession(id: string, patch: SessionPatch): Promise<void>;
	messageState(id: string): Promise<WaMessageState | null>;
	raiseMessageState(state: WaMessageState): Promise<boolean>;
}

export interface WaOutput {
	events: WireEvent[];
	places: Map<string, RegistryPlace>;
	problems: string[];
}

const iso = (at: number) => new Date(at).toISOString();

export function endedEvent(session: { id: string }, at: number): WireEvent {
	return {
		id: `${session.id}:ended`,
		type: 'chat.ended',
		sessionId: session.id,
		at: iso(at),
		by: 'system'
	};
}

const openOf = (s: ChatSessionRow | null) => (s && s.endedAt === null ? s : null);

/** One inbound message: stored once by wamid; starts, continues or renews the contact's session. */
export async function applyInbound(
	store: WaStore,
	m: WaInbound,
	secret: string,
	placeOf: (phone: string) => RegistryPlace | null,
	out: WaOutput
): Promise<void> {
	const phone = toE164(m.from);
	if (!phone)
		return void out.problems.push(`message ${m.wamid}: sender "${m.from}" is not a phone number`);
	if (await store.messageState(m.wamid)) return; // a redelivery: already applied
	const contact = contactKey(secret, phone);
	const conversation = `wa:${m.phoneNumberId}:${contact}`;
	let sessionId: string | null = null;
	if (m.type !== 'system') {
		const latest = await store.latestSession(conversation);
		const decision = inboundDecision(openOf(latest), m.at);
		if (decision.kind === 'continue') {
			sessionId = latest!.id;
			await store.updateSession(latest!.id, { lastInboundAt: decision.lastInboundAt });
		} else {
			if (decision.kind === 'end-then-start') {
				await store.updateSession(latest!.id, { endedAt: decision.endedAt });
				out.events.push(endedEvent(latest!, decision.endedAt));
			}
			sessionId = `wa:${m.wamid}`;
			const row = newSession(sessionId, conversation, (latest?.seq ?? 0) + 1, contact, phone, m.at);
			await store.createSession(row);
			const started: WireEvent = {
				id: `${sessionId}:started`,
				type: 'chat.started',
				sessionId,
				at: iso(m.at),
				contact,
				bot: false
			};
			out.events.push(started);
			const place = placeOf(phone);
			if (place) out.places.set(started.id, place);
		}
	}
	const state = {
		id: m.wamid,
		direction: 'in' as const,
		sessionId,
		contact,
		type: m.type,
		status: 'received',
		statusRank: RECEIVED_RANK,
		statusAt: m.at
	};
	await store.raiseMessageState(state);
}

function newSession(
	id: string,
	conversation: string,
	seq: number,
	contact: string,
	phone: string,
	at: number
): ChatSessionRow {
	return {
		id,
		channel: WHATSAPP,
		conversation,
		seq,
		contact,
		contactMasked: maskPhone(phone),
		bot: false,
		status: null,
		startedAt: at,
		lastInboundAt: at,
		handedOffAt: null,
		firstReplyAt: null,
		endedAt: null
	};
}

/**
 * One delivery status of an outbound message: raises the message's state (never lowers it);
 * a status of a message sent within the contact's open session is an agent reply (the engine
 * keeps the earliest, so statuses may come in any order).
 */
export async function applyStatus(
	store: WaStore,
	s: WaStatus,
	secret: string,
	out: WaOutput
): Promise<void> {
	const phone = s.group ? null : toE164(s.recipient);
	const contact = phone ? contactKey(secret, phone) : null;
	const latest = contact ? await store.latestSession(`wa:${s.phoneNumberId}:${contact}`) : null;
	const open = openOf(latest);
	const inWindow = open && s.at >= open.startedAt && s.at < windowEndOf(open);
	await store.raiseMessageState({
		id: s.wamid,
		direction: 'out',
		sessionId: inWindow ? open.id : null,
		contact,
		type: null,
		status: s.status,
		statusRank: statusRank(s.status),
		statusAt: s.at,
		errorCode: s.errorCode ?? null
	});
	if (!inWindow || s.status === 'failed') return;
	out.events.push({
		id: `${open.id}:reply:${s.wamid}:${s.status}`,
		type: 'chat.agent_replied',
		sessionId: open.id,
		at: iso(s.at),
		agent: `wa-${s.phoneNumberId}`
	});
	if (open.firstReplyAt === null || s.at < open.firstReplyAt)
		await store.updateSession(open.id, { firstReplyAt: s.at });
}
