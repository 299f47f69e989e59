/**
 * Whose notifications a request may read or mark (issue 5 §2, issue 3 §5): a notification is
 * the recipient team lead's own. Administrators may name any agent; everybody else reaches
 * their own agent's only, whatever `?agent=` says, and an account with no agent has none.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { userOf } from './actor';

/** The agent whose notifications this request reads: `?agent=` for admins, else the user's. */
export function notificationAgentOf(event: Pick<RequestEvent, 'locals' | 'url'>): string {
	const user = userOf(event);
	const asked = event.url.searchParams.get('agent');
	if (user.role === 'admin') return asked ?? user.agentId ?? '';
	if (!user.agentId) error(403, 'this account receives no notifications (no agent linked)');
	if (asked !== null && asked !== user.agentId)
		error(403, `agent ${asked}: you may read your own notifications only`);
	return user.agentId;
}

/** The recipient a mark-as-read is limited to: none for admins, else the user's own agent. */
export function notificationRecipientOf(event: Pick<RequestEvent, 'locals'>): string | undefined {
	const user = userOf(event);
	if (user.role === 'admin') return undefined;
	if (!user.agentId) error(403, 'this account receives no notifications (no agent linked)');
	return user.agentId;
}
