/**
 * What a breach leaves for people (issue 3 §Alerts): the team lead's in-app notifications,
 * visible from the team's next business opening, and the latest breaches for the wall ticker
 * (no personal data: case number, province, issue type, how late).
 */
import { toWibIso } from '../../../domain/time/wib';
import type { NotificationView, SlaTargetName, WallBreach } from '../../../contracts/cases';
import type { WallScope } from '../../../contracts/metrics';
import type { Container } from '../../container';
import {
	markNotificationRead,
	notificationsFor,
	unreadCount,
	type NotificationRecord
} from '../../repositories/notification.repository';
import { latestBreaches } from '../../repositories/sla-transition.repository';
import { invalid, notFound } from './errors';

/** The in-app view of an outbox row (`payload` is what the breach wrote: runtime.ts). */
export function notificationView(n: NotificationRecord): NotificationView {
	const text = (key: string) => String(n.payload[key] ?? '');
	return {
		id: n.id,
		recipientAgentId: n.recipientAgentId,
		teamId: n.teamId,
		caseId: n.caseId,
		caseNumber: text('number'),
		kind: 'sla.breached',
		province: text('province'),
		issueType: text('issueType'),
		target: text('target') as SlaTargetName,
		breachedAt: text('breachedAt'),
		text: n.text,
		createdAt: toWibIso(n.createdAt.getTime()),
		deliverAt: toWibIso(n.deliverAt.getTime()),
		deliveredAt: toWibIso(n.deliverAt.getTime()),
		readAt: n.readAt ? toWibIso(n.readAt.getTime()) : null
	};
}

export async function notificationsOf(c: Container, agentId: string): Promise<NotificationView[]> {
	if (!agentId) throw invalid('agent', 'name the agent whose notifications to list');
	const now = c.cases.timers.now();
	const rows = await notificationsFor(c.database.db, agentId, new Date(now));
	return rows.map(notificationView);
}

/** The bell's number: delivered and still unread. */
export async function unreadOf(c: Container, agentId: string): Promise<number> {
	if (!agentId) throw invalid('agent', 'name the agent whose notifications to count');
	return unreadCount(c.database.db, agentId, new Date(c.cases.timers.now()));
}

/** Marks one read; `recipientAgentId` (the page's signed-in team lead) limits it to theirs. */
export async function readNotification(
	c: Container,
	id: number,
	recipientAgentId?: string
): Promise<{ read: true }> {
	if (!Number.isSafeInteger(id) || id <= 0) throw invalid('id', 'must be a notification number');
	const db = c.database.db;
	const done = await markNotificationRead(db, id, new Date(c.clock.now()), recipientAgentId);
	if (!done) throw notFound('unread notification', String(id));
	return { read: true };
}

export async function latestWallBreaches(
	c: Container,
	scope: WallScope,
	limit = 10
): Promise<WallBreach[]> {
	const now = c.cases.timers.now();
	const rows = await latestBreaches(c.database.db, scope, Math.min(Math.max(limit, 1), 100));
	return rows.map((b) => ({
		caseId: b.caseId,
		number: b.number,
		province: b.province,
		issueType: b.issueType,
		target: b.target as SlaTargetName,
		at: toWibIso(b.at.getTime()),
		lateBySeconds: Math.max(0, Math.round((now - b.at.getTime()) / 1000))
	}));
}
