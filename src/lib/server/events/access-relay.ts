/**
 * Access changes across processes (issue 5 §3: a revoked token or session, a changed role,
 * takes effect on open sockets within 1 s). In one process the bus carries `access:changed`
 * to the socket re-check; a change made by another process on the same PostgreSQL — an
 * administrator's `sigap token revoke` — travels by PostgreSQL's own LISTEN/NOTIFY, no broker
 * of ours. Each process relays its local changes out and publishes the others' locally; a
 * change that came in is never sent out again, so two processes do not echo each other.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../db';
import type { DomainBus, DomainEvents } from './bus';

export const ACCESS_CHANNEL = 'sigap_access_changed';

type Change = DomainEvents['access:changed'];

interface Envelope {
	origin: string;
	change: Change;
}

export interface AccessRelay {
	/** Waits for the changes still being sent (a CLI exits right after its change). */
	close(): Promise<void>;
}

export async function relayAccessChanges(
	database: Pick<Database, 'notify' | 'listen'>,
	bus: DomainBus,
	log: (message: string) => void = console.error
): Promise<AccessRelay> {
	const { notify, listen } = database;
	if (!notify || !listen) return { close: async () => {} };
	const origin = randomUUID();
	const received = new WeakSet<Change>();
	const sending = new Set<Promise<void>>();
	const unlisten = await listen(ACCESS_CHANNEL, (payload) => {
		const envelope = parseEnvelope(payload);
		if (!envelope) return log(`sigap: ignored a malformed ${ACCESS_CHANNEL} notification`);
		if (envelope.origin === origin) return;
		received.add(envelope.change);
		bus.publish('access:changed', envelope.change);
	});
	const stop = bus.on('access:changed', (change) => {
		if (received.has(change)) return;
		const envelope: Envelope = { origin, change };
		const sent = notify(ACCESS_CHANNEL, JSON.stringify(envelope))
			.catch((error: unknown) => log(`sigap: could not relay an access change: ${String(error)}`))
			.finally(() => sending.delete(sent));
		sending.add(sent);
	});
	return {
		close: async () => {
			stop();
			await Promise.all([...sending]);
			await unlisten();
		}
	};
}

const ID_FIELDS = ['userId', 'displayTokenId', 'apiTokenId'] as const;

/** A notification is data from outside this process: only the known fields, typed, pass. */
export function parseEnvelope(payload: string): Envelope | null {
	let raw: unknown;
	try {
		raw = JSON.parse(payload);
	} catch {
		return null;
	}
	if (typeof raw !== 'object' || raw === null) return null;
	const { origin, change } = raw as { origin?: unknown; change?: unknown };
	if (typeof origin !== 'string' || typeof change !== 'object' || change === null) return null;
	const out: Change = {};
	const c = change as Record<string, unknown>;
	for (const field of ID_FIELDS) {
		if (c[field] === undefined) continue;
		if (typeof c[field] !== 'string') return null;
		out[field] = c[field];
	}
	if (c.sessionIds !== undefined) {
		if (!Array.isArray(c.sessionIds) || !c.sessionIds.every((id) => typeof id === 'string'))
			return null;
		out.sessionIds = c.sessionIds;
	}
	return { origin, change: out };
}
