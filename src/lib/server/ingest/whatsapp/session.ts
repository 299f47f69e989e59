/**
 * When a WhatsApp conversation is a chat session (metrics.md §Chat, "sessions: conversations
 * started (first inbound message)"), matching Meta's customer-service window:
 * - a session starts with a contact's inbound message when the contact has no open session;
 * - it stays open while the contact keeps writing: each inbound message reopens the 24 h window;
 * - it ends when the window closes: 24 h after the contact's last inbound message (an inbound
 *   message after that starts a new session). The end is recorded `by: system` at that instant.
 * A WhatsApp-direct number has no bot in between, so sessions wait for a person from their
 * first message (`bot: false`); the first outbound message (its earliest delivery status) is
 * the first agent response. Delivery statuses only ever move up (statusRank).
 */
import type { DeliveryStatus } from './parse';

export const SESSION_WINDOW_MS = 24 * 3600_000;

export interface OpenWaSession {
	id: string;
	startedAt: number;
	lastInboundAt: number;
}

export type InboundDecision =
	| { kind: 'continue'; lastInboundAt: number }
	| { kind: 'start' }
	| { kind: 'end-then-start'; endedAt: number };

/** What an inbound message at `at` does to the contact's open session (or none). */
export function inboundDecision(open: OpenWaSession | null, at: number): InboundDecision {
	if (!open) return { kind: 'start' };
	if (at - open.lastInboundAt >= SESSION_WINDOW_MS) {
		return { kind: 'end-then-start', endedAt: open.lastInboundAt + SESSION_WINDOW_MS };
	}
	return { kind: 'continue', lastInboundAt: Math.max(open.lastInboundAt, at) };
}

/** The instant an open session's window closes. */
export const windowEndOf = (s: { lastInboundAt: number }) => s.lastInboundAt + SESSION_WINDOW_MS;

/**
 * The order delivery statuses are applied in: a status replaces the stored one only when it
 * ranks higher, so a late `sent` never downgrades `read`. `failed` outranks `sent` (the send
 * failed after acceptance) but not `delivered`: a delivered message did not fail.
 */
const RANK: Record<DeliveryStatus, number> = {
	sent: 1,
	failed: 2,
	delivered: 3,
	read: 4,
	played: 5
};
export const statusRank = (status: DeliveryStatus) => RANK[status];
/** Rank of an inbound message (`received`), below every outbound status. */
export const RECEIVED_RANK = 0;

/** The status that stands after applying `statuses` in any order. */
export function finalStatus(statuses: DeliveryStatus[]): DeliveryStatus | null {
	let best: DeliveryStatus | null = null;
	for (const s of statuses) if (best === null || RANK[s] > RANK[best]) best = s;
	return best;
}
