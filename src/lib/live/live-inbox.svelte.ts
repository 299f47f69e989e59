/**
 * The signed-in team lead's notifications, live: starts from the page load (the bell's count,
 * and on /notifications the list) and takes each `notification:delivered` the server pushes
 * to this user's sockets at the delivery instant (the team's business opening).
 */
import type { NotificationView } from '$contracts/cases';
import type { NotificationDeliveredV1 } from '$contracts/socket';
import { addNotification } from './inbox';
import { connectWallSocket, type WallSocket } from './socket';

export class LiveInbox {
	#unread = $state.raw(0);
	#items = $state.raw<NotificationView[]>([]);
	/** The latest notification pushed since the page loaded (for a polite announcement). */
	#latest = $state.raw<NotificationView | null>(null);

	constructor(unread: number, items: NotificationView[] = []) {
		this.#unread = unread;
		this.#items = items;
	}

	get unread(): number {
		return this.#unread;
	}
	get items(): NotificationView[] {
		return this.#items;
	}
	get latest(): NotificationView | null {
		return this.#latest;
	}

	/** Listens on `socket`, or on a socket of its own; returns the cleanup (an effect's). */
	start(socket?: WallSocket): () => void {
		const own = socket ? null : connectWallSocket();
		const s = socket ?? own!;
		const listener = (fact: NotificationDeliveredV1) => {
			this.#unread = fact.unread;
			this.#items = addNotification(this.#items, fact.notification);
			this.#latest = fact.notification;
		};
		s.on('notification:delivered', listener);
		return () => {
			s.off('notification:delivered', listener);
			own?.disconnect();
		};
	}
}
