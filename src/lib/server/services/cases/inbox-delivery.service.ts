/**
 * The in-app side of breach notifications (issue 3 §Alerts): the moment a notification's
 * delivery instant comes (the team's next business opening, or the breach itself in business
 * hours), publish `notification:delivered` for its recipient, so the realtime layer can push it
 * to that team lead's open pages. One timer at the next delivery instant, like the webhook
 * outbox (notifier.service.ts); the table stays the record, this only announces.
 *
 * A restart starts announcing from its own start: what was delivered while the process was down
 * is in the list and the bell's count at the next page load, and no socket was open to miss it.
 */
import type { Db } from '../../db';
import type { DomainBus } from '../../events/bus';
import {
	deliveredBetween,
	nextDeliveryAfter,
	unreadCount,
	type NotificationRecord
} from '../../repositories/notification.repository';
import { notificationView } from './alerts.service';
import { OutboxLoop } from './outbox-loop';
import type { TimerPort } from './timers';

const PAGE = 500;

export interface InboxDeliveryDeps {
	db: Db;
	bus: DomainBus;
	timers: TimerPort;
}

export class InboxDelivery {
	/** Everything delivered up to this instant has been announced... */
	#from: number;
	/** ...except rows delivered exactly at `#from` that are not in here (same-millisecond breaches). */
	#announcedAtFrom = new Set<number>();
	#loop: OutboxLoop;

	constructor(private deps: InboxDeliveryDeps) {
		this.#from = deps.timers.now();
		this.#loop = new OutboxLoop(deps.timers, 'in-app notification delivery');
	}

	/** New notifications were stored (or the process started): announce what is due, re-arm. */
	poke(): Promise<void> {
		return this.#loop.run(() => this.#announce());
	}

	idle(): Promise<void> {
		return this.#loop.idle();
	}

	stop(): void {
		this.#loop.stop();
	}

	async #announce(): Promise<void> {
		if (this.#loop.stopped) return;
		const { db, timers } = this.deps;
		const now = timers.now();
		const page = await deliveredBetween(db, new Date(this.#from), new Date(now), PAGE);
		const fresh = page.filter((n) => !this.#announcedAtFrom.has(n.id));
		// A full page: announce up to its last instant and read on from there.
		const more = page.length === PAGE && fresh.length > 0;
		const upTo = more ? page.at(-1)!.deliverAt.getTime() : now;
		if (upTo > this.#from) this.#announcedAtFrom.clear();
		this.#from = Math.max(this.#from, upTo);
		for (const n of fresh)
			if (n.deliverAt.getTime() === this.#from) this.#announcedAtFrom.add(n.id);
		for (const n of fresh) await this.#publish(n, now);
		if (more) return this.#announce();
		await this.#arm();
	}

	async #publish(n: NotificationRecord, now: number): Promise<void> {
		const recipientAgentId = n.recipientAgentId!;
		const unread = await unreadCount(this.deps.db, recipientAgentId, new Date(now));
		this.deps.bus.publish('notification:delivered', {
			recipientAgentId,
			notification: notificationView(n),
			unread
		});
	}

	async #arm(): Promise<void> {
		this.#loop.disarm();
		const at = await nextDeliveryAfter(this.deps.db, new Date(this.#from));
		if (at !== null) this.#loop.armAt(at.getTime(), () => this.#announce());
	}
}
