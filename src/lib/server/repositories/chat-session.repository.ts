/**
 * Chat sessions of the webhook channels and WhatsApp message delivery state (schema/channels.ts).
 * Session numbering is per conversation (`seq`), unique, so a session is created once.
 */
import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { chatSessions, whatsappMessages } from '../db/schema';

export interface ChatSessionRow {
	id: string;
	channel: string;
	conversation: string;
	seq: number;
	contact: string | null;
	contactMasked: string | null;
	bot: boolean;
	status: string | null;
	startedAt: number;
	lastInboundAt: number;
	handedOffAt: number | null;
	firstReplyAt: number | null;
	endedAt: number | null;
}

type Row = typeof chatSessions.$inferSelect;
const ms = (d: Date | null) => (d ? d.getTime() : null);
const date = (n: number | null | undefined) => (n === null || n === undefined ? null : new Date(n));

function toSession(r: Row): ChatSessionRow {
	return {
		...r,
		startedAt: r.startedAt.getTime(),
		lastInboundAt: r.lastInboundAt.getTime(),
		handedOffAt: ms(r.handedOffAt),
		firstReplyAt: ms(r.firstReplyAt),
		endedAt: ms(r.endedAt)
	};
}

/** The latest session of a conversation (open or ended), or null. */
export async function latestSession(
	db: Db,
	channel: string,
	conversation: string
): Promise<ChatSessionRow | null> {
	const [row] = await db
		.select()
		.from(chatSessions)
		.where(and(eq(chatSessions.channel, channel), eq(chatSessions.conversation, conversation)))
		.orderBy(desc(chatSessions.seq))
		.limit(1);
	return row ? toSession(row) : null;
}

export async function createSession(db: Db, s: ChatSessionRow): Promise<void> {
	await db.insert(chatSessions).values({
		...s,
		startedAt: new Date(s.startedAt),
		lastInboundAt: new Date(s.lastInboundAt),
		handedOffAt: date(s.handedOffAt),
		firstReplyAt: date(s.firstReplyAt),
		endedAt: date(s.endedAt)
	});
}

export type SessionPatch = Partial<
	Pick<
		ChatSessionRow,
		'status' | 'lastInboundAt' | 'handedOffAt' | 'firstReplyAt' | 'endedAt' | 'bot'
	>
>;

export async function updateSession(db: Db, id: string, patch: SessionPatch): Promise<void> {
	const set: Partial<Row> = {};
	for (const [key, value] of Object.entries(patch)) {
		(set as Record<string, unknown>)[key] = typeof value === 'number' ? new Date(value) : value;
	}
	if (Object.keys(set).length)
		await db.update(chatSessions).set(set).where(eq(chatSessions.id, id));
}

/** Open sessions of a channel whose last inbound message is before `before`. */
export async function idleSessions(
	db: Db,
	channel: string,
	before: number
): Promise<ChatSessionRow[]> {
	const rows = await db
		.select()
		.from(chatSessions)
		.where(
			and(
				eq(chatSessions.channel, channel),
				isNull(chatSessions.endedAt),
				lt(chatSessions.lastInboundAt, new Date(before))
			)
		);
	return rows.map(toSession);
}

export interface WaMessageState {
	id: string;
	direction: 'in' | 'out';
	sessionId: string | null;
	contact: string | null;
	type: string | null;
	status: string;
	statusRank: number;
	statusAt: number;
	errorCode?: number | null;
}

/**
 * Stores a message's state, or raises it: an existing row changes only when the new status
 * ranks higher (a late `sent` never downgrades `read`). True when the row was written.
 */
export async function raiseMessageState(db: Db, m: WaMessageState): Promise<boolean> {
	const rows = await db
		.insert(whatsappMessages)
		.values({ ...m, statusAt: new Date(m.statusAt), errorCode: m.errorCode ?? null })
		.onConflictDoUpdate({
			target: whatsappMessages.id,
			set: {
				status: sql`excluded.status`,
				statusRank: sql`excluded.status_rank`,
				statusAt: sql`excluded.status_at`,
				errorCode: sql`coalesce(excluded.error_code, ${whatsappMessages.errorCode})`,
				sessionId: sql`coalesce(${whatsappMessages.sessionId}, excluded.session_id)`,
				updatedAt: sql`now()`
			},
			setWhere: sql`${whatsappMessages.statusRank} < excluded.status_rank`
		})
		.returning({ id: whatsappMessages.id });
	return rows.length > 0;
}

export async function messageState(db: Db, id: string): Promise<WaMessageState | null> {
	const [row] = await db.select().from(whatsappMessages).where(eq(whatsappMessages.id, id));
	if (!row) return null;
	return { ...row, direction: row.direction as 'in' | 'out', statusAt: row.statusAt.getTime() };
}
