/**
 * The typed in-process domain-event bus (DESIGN.md habit 6): services publish facts, the
 * live state and the broadcaster subscribe. Listeners run synchronously in order; one
 * failing listener is logged and does not stop the others.
 */
import type { StoredEvent } from '../../domain/events';
import type { CaseRow, NotificationView } from '../../contracts/cases';
import type { CaseReassignedV1, SlaTransitionedV1 } from '../../contracts/socket';
import type { SilentSourceV1 } from '../../contracts/sources';

export interface DomainEvents {
	/**
	 * Who may see what changed (issue 5 §3): a user's role, scope or state, a revoked session,
	 * display token or API token. Open sockets of the matching principals are re-checked at once.
	 */
	'access:changed': {
		userId?: string;
		sessionIds?: string[];
		displayTokenId?: string;
		apiTokenId?: string;
	};
	/** Contact events newly committed to the store (duplicates never appear here). */
	'contact-events:appended': { events: StoredEvent[] };
	/** The live metrics changed (after new events or new settings). */
	'metrics:changed': { at: number };
	/** A case was created or changed (status, reply, assignment, SLA state): its fresh row. */
	'case:changed': { row: CaseRow };
	/** A reassignment committed (exactly once per winning request). */
	'case:reassigned': Omit<CaseReassignedV1, 'seq' | 'asOf'>;
	/** An SLA transition newly stored, at its instant (sla.md §States). */
	'sla:transitioned': Omit<SlaTransitionedV1, 'seq' | 'asOf'>;
	/**
	 * A team lead's notification reached its delivery instant (the team's business opening):
	 * `unread` is the recipient's unread count including it (issue 3 §Alerts).
	 */
	'notification:delivered': {
		recipientAgentId: string;
		notification: NotificationView;
		unread: number;
	};
	/** A live adapter kept what it could not understand (issue 4 §5), at this clock's instant. */
	'dead-letter:kept': { id: number; source: string; at: number };
	/** The sources silent longer than their quiet limit changed (issue 4 §6): walls warn. */
	'sources:silence': { at: number; silent: SilentSourceV1[] };
}

type Listener<K extends keyof DomainEvents> = (payload: DomainEvents[K]) => void;

export class DomainBus {
	#listeners = new Map<keyof DomainEvents, Listener<never>[]>();

	on<K extends keyof DomainEvents>(name: K, listener: Listener<K>): () => void {
		const list = (this.#listeners.get(name) ?? []) as Listener<K>[];
		list.push(listener);
		this.#listeners.set(name, list as Listener<never>[]);
		return () => {
			const at = list.indexOf(listener);
			if (at >= 0) list.splice(at, 1);
		};
	}

	publish<K extends keyof DomainEvents>(name: K, payload: DomainEvents[K]): void {
		for (const listener of (this.#listeners.get(name) ?? []) as Listener<K>[]) {
			try {
				listener(payload);
			} catch (error) {
				console.error(`sigap: listener for ${name} failed`, error);
			}
		}
	}
}
