/**
 * The notification outbox (issue 3 §Alerts): rows are written with the breach that causes them,
 * shown in-app from `deliver_at`, and posted to the webhook until it answers 2xx — a restart
 * resumes from the table, so nothing is lost and nothing is sent twice after success.
 */
import { and, asc, count, desc, eq, gt, gte, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { notifications } from '../db/schema';

export type NotificationRecord = typeof notifications.$inferSelect;

/** Delivered to the agent by `now`: theirs, and its delivery instant reached. */
const deliveredTo = (agentId: string, now: Date) =>
	and(eq(notifications.recipientAgentId, agentId), lte(notifications.deliverAt, now));

/** An agent's notifications visible at `now` (deliver_at reached), newest first. */
export async function notificationsFor(
	db: Db,
	agentId: string,
	now: Date,
	limit = 100
): Promise<NotificationRecord[]> {
	return db
		.select()
		.from(notifications)
		.where(deliveredTo(agentId, now))
		.orderBy(desc(notifications.deliverAt), desc(notifications.id))
		.limit(limit);
}

/** Marks one unread notification read; with `recipientAgentId`, only if it is theirs. */
export async function markNotificationRead(
	db: Db,
	id: number,
	now: Date,
	recipientAgentId?: string
): Promise<boolean> {
	const mine = recipientAgentId ? eq(notifications.recipientAgentId, recipientAgentId) : undefined;
	const rows = await db
		.update(notifications)
		.set({ readAt: now })
		.where(and(eq(notifications.id, id), isNull(notifications.readAt), mine))
		.returning({ id: notifications.id });
	return rows.length > 0;
}

/** How many of an agent's delivered notifications are still unread at `now`. */
export async function unreadCount(db: Db, agentId: string, now: Date): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(notifications)
		.where(and(deliveredTo(agentId, now), isNull(notifications.readAt)));
	return Number(row?.n ?? 0);
}

/** Notifications with a recipient whose delivery instant lies in [from, upTo], oldest first. */
export async function deliveredBetween(
	db: Db,
	from: Date,
	upTo: Date,
	limit = 500
): Promise<NotificationRecord[]> {
	return db
		.select()
		.from(notifications)
		.where(
			and(
				isNotNull(notifications.recipientAgentId),
				gte(notifications.deliverAt, from),
				lte(notifications.deliverAt, upTo)
			)
		)
		.orderBy(asc(notifications.deliverAt), asc(notifications.id))
		.limit(limit);
}

/** The first delivery instant after `after` (a notification with a recipient), or null. */
export async function nextDeliveryAfter(db: Db, after: Date): Promise<Date | null> {
	const [row] = await db
		.select({ at: sql<string | null>`min(${notifications.deliverAt})` })
		.from(notifications)
		.where(and(isNotNull(notifications.recipientAgentId), gt(notifications.deliverAt, after)));
	return row?.at ? new Date(row.at) : null;
}

/** Webhook deliveries due at `now`: pending, past deliver_at and past their retry instant. */
export async function dueWebhooks(db: Db, now: Date, limit = 50): Promise<NotificationRecord[]> {
	return db
		.select()
		.from(notifications)
		.where(and(eq(notifications.webhookState, 'pending'), lte(notifications.webhookNextAt, now)))
		.orderBy(asc(notifications.webhookNextAt), asc(notifications.id))
		.limit(limit);
}

/** The earliest instant a pending webhook is due, or null. */
export async function nextWebhookAt(db: Db): Promise<Date | null> {
	const [row] = await db
		.select({ at: sql<string | null>`min(${notifications.webhookNextAt})` })
		.from(notifications)
		.where(eq(notifications.webhookState, 'pending'));
	return row?.at ? new Date(row.at) : null;
}

export async function markWebhookSent(db: Db, id: number, now: Date): Promise<void> {
	await db
		.update(notifications)
		.set({
			webhookState: 'sent',
			webhookSentAt: now,
			webhookAttempts: sql`${notifications.webhookAttempts} + 1`,
			webhookError: null
		})
		.where(eq(notifications.id, id));
}

/** A failed attempt: retry at `retryAt`, or give up (`failed`) when it is null. */
export async function markWebhookFailed(
	db: Db,
	id: number,
	error: string,
	retryAt: Date | null
): Promise<void> {
	await db
		.update(notifications)
		.set({
			webhookState: retryAt ? 'pending' : 'failed',
			webhookNextAt: retryAt,
			webhookAttempts: sql`${notifications.webhookAttempts} + 1`,
			webhookError: error.slice(0, 500)
		})
		.where(eq(notifications.id, id));
}
