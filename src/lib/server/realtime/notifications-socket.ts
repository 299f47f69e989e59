/**
 * A team lead's notification on their open pages at its delivery instant (issue 3 §Alerts):
 * `notification:delivered` from the bus to the sockets of the signed-in users who are its
 * recipient. Chosen per socket at emit time rather than by a room, as case facts are
 * (case-audience.ts): the auth layer re-loads a socket's principal whenever access changes, so
 * the agent link and role read here are always current, and no new room kind has to be policed.
 */
import { decideRoute } from '../../domain/access/can';
import type { Principal } from '../../domain/access/principal';
import { toWibIso } from '../../domain/time/wib';
import type { Container } from '../container';
import type { SigapServer } from './attach';

/** The route whose rule says who may read their notifications in the app. */
export const NOTIFICATIONS_PAGE = '/notifications';

/** Is this principal the notification's recipient, allowed to see it in the app? */
export function isRecipient(p: Principal | null | undefined, recipientAgentId: string): boolean {
	if (!p || p.kind !== 'user' || p.agentId !== recipientAgentId) return false;
	return decideRoute(p, NOTIFICATIONS_PAGE, 'GET').ok;
}

export function broadcastNotifications(io: SigapServer, container: Container): () => void {
	let seq = container.clock.now();
	return container.bus.on(
		'notification:delivered',
		({ recipientAgentId, notification, unread }) => {
			const fact = {
				seq: ++seq,
				asOf: toWibIso(container.clock.now()),
				notification,
				unread
			};
			// Local sockets only: each process tells the pages connected to it.
			for (const socket of io.of('/').sockets.values()) {
				if (isRecipient(socket.data.principal, recipientAgentId))
					socket.emit('notification:delivered', fact);
			}
		}
	);
}
