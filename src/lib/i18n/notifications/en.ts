/** English for the notifications; must have exactly the keys of `id.ts` (the type says so). */
import type { NotificationsDictionary } from './id';

export const notificationsEn: NotificationsDictionary = {
	title: 'Notifications',
	bell: 'Notifications',
	unread: (n: number) =>
		n === 0 ? 'No unread notifications' : `${n} unread notification${n === 1 ? '' : 's'}`,
	hint: "SLA alerts for your team, delivered in the team's business hours (a breach outside them waits for the next opening).",
	empty: 'No notifications yet.',
	notLinked:
		'Your account is not linked to an agent. Notifications go to the agent who leads a team.',
	kinds: { 'sla.breached': 'SLA breached' },
	targets: { firstResponse: 'first response', resolution: 'resolution' },
	columns: {
		case: 'Case',
		what: 'What happened',
		province: 'Province',
		issueType: 'Issue type',
		breachedAt: 'Missed at',
		deliveredAt: 'Delivered',
		state: 'State'
	},
	target: 'target',
	read: 'read',
	unreadBadge: 'new',
	markRead: 'Mark as read',
	marked: 'Notification marked as read.',
	newArrived: 'A new notification arrived.',
	wib: 'WIB'
};
