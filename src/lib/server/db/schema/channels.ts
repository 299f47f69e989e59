/**
 * Live channel state (issue 4): the chat sessions of the webhook channels (WhatsApp Cloud API,
 * Chatwoot), the delivery state of WhatsApp messages, and the dead letters every live adapter
 * keeps of what it could not understand. Personal data is kept to the minimum: a contact is a
 * keyed hash plus a masked number; no message text is stored.
 */
import {
	bigserial,
	boolean,
	index,
	integer,
	pgTable,
	smallint,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One chat session (metrics.md §Chat) per row. `conversation` is the channel's own key of the
 * conversation (`wa:<phone number id>:<contact key>`, `cw:<account>:<conversation>`); a
 * conversation that starts again after its session ended gets the next `seq`.
 */
export const chatSessions = pgTable(
	'chat_sessions',
	{
		id: text('id').primaryKey(),
		channel: text('channel').notNull(),
		conversation: text('conversation').notNull(),
		seq: integer('seq').notNull(),
		contact: text('contact'),
		contactMasked: text('contact_masked'),
		bot: boolean('bot').notNull(),
		/** The platform's last known conversation status (Chatwoot: pending/open/resolved/…). */
		status: text('status'),
		startedAt: instant('started_at').notNull(),
		lastInboundAt: instant('last_inbound_at').notNull(),
		handedOffAt: instant('handed_off_at'),
		firstReplyAt: instant('first_reply_at'),
		endedAt: instant('ended_at')
	},
	(t) => [
		uniqueIndex('chat_sessions_conversation_uq').on(t.channel, t.conversation, t.seq),
		index('chat_sessions_open_idx').on(t.channel, t.endedAt, t.lastInboundAt)
	]
);

/**
 * WhatsApp messages by `wamid`: inbound ones with their type as sent (unknown types kept), and
 * the delivery status of outbound ones, only ever raised (sent < failed < delivered < read <
 * played), so a late webhook never downgrades it.
 */
export const whatsappMessages = pgTable(
	'whatsapp_messages',
	{
		id: text('id').primaryKey(),
		direction: text('direction').notNull(),
		sessionId: text('session_id'),
		contact: text('contact'),
		type: text('type'),
		status: text('status').notNull(),
		statusRank: smallint('status_rank').notNull(),
		statusAt: instant('status_at').notNull(),
		errorCode: integer('error_code'),
		updatedAt: instant('updated_at').notNull().defaultNow()
	},
	(t) => [index('whatsapp_messages_session_idx').on(t.sessionId)]
);

/** What a live adapter received and could not understand (issue 4 §Dead letters). */
export const deadLetters = pgTable(
	'dead_letters',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		source: text('source').notNull(),
		reason: text('reason').notNull(),
		/** The raw payload as received (cut at 256 KiB, and said so in `reason`). */
		payload: text('payload').notNull(),
		receivedAt: instant('received_at').notNull().defaultNow(),
		/** Set once a reprocessing understood and stored it all: it leaves the waiting list. */
		reprocessedAt: instant('reprocessed_at'),
		/** Reprocessing attempts so far, the last one's instant and, if it still failed, why. */
		attempts: integer('attempts').notNull().default(0),
		lastAttemptAt: instant('last_attempt_at'),
		lastReason: text('last_reason')
	},
	(t) => [index('dead_letters_received_idx').on(t.source, t.receivedAt)]
);
