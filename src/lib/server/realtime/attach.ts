/**
 * Wires Socket.io to the live metrics: validates every inbound payload, lets the server
 * (not the client) decide the room from the validated scope, and is the only module that
 * emits to sockets (DESIGN.md habit 6).
 */
import type { Server, Socket } from 'socket.io';
import {
	metricsSubscribeSchema,
	type Ack,
	type ClientToServerEvents,
	type InterServerEvents,
	type ServerToClientEvents,
	type SocketData,
	type SubscribeResult
} from '../../contracts/socket';
import type { Container } from '../container';
import { UNKNOWN } from '../../domain/events';
import type { WallScope } from '../../contracts/metrics';
import type { Reference } from '../../contracts/reference';
import { broadcastCaseFacts, onCaseCommands } from './cases-socket';
import { MetricsRooms } from './metrics-rooms';
import { broadcastSourceSilence } from './sources-socket';
import { broadcastNotifications } from './notifications-socket';
import { attachSocketAuth } from './auth';
import { wallViewInScope } from '../../domain/access/redact';

export type SigapServer = Server<
	ClientToServerEvents,
	ServerToClientEvents,
	InterServerEvents,
	SocketData
>;
export type SigapSocket = Socket<
	ClientToServerEvents,
	ServerToClientEvents,
	InterServerEvents,
	SocketData
>;

const TICK_MS = 1000;

export interface Realtime {
	rooms: MetricsRooms;
	close(): void;
}

/** Scopes name real provinces and issue types only, so rooms stay bounded (39 × 10). */
function unknownScope(scope: WallScope, reference: Reference): string | null {
	const { province, issueType } = scope;
	if (province && province !== UNKNOWN && !reference.provinces.some((p) => p.code === province)) {
		return `province: "${province}" is not one of the 38 BPS province codes`;
	}
	if (
		issueType &&
		issueType !== UNKNOWN &&
		!reference.issueTypes.some((t) => t.code === issueType)
	) {
		return `issueType: unknown issue type "${issueType}"`;
	}
	return null;
}

function onSubscribe(socket: SigapSocket, rooms: MetricsRooms, reference: Reference) {
	return (request: unknown, ack: unknown) => {
		const reply = typeof ack === 'function' ? (ack as (r: Ack<SubscribeResult>) => void) : () => {};
		const parsed = metricsSubscribeSchema.safeParse(request);
		if (!parsed.success) {
			const message = parsed.error.issues
				.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`)
				.join('; ');
			return reply({ ok: false, error: { code: 'invalid_payload', message } });
		}
		const { province, issueType, lastSeq } = parsed.data;
		const scope = { province, issueType };
		const unknown = unknownScope(scope, reference);
		if (unknown) return reply({ ok: false, error: { code: 'invalid_payload', message: unknown } });
		const room = rooms.room(scope);
		// Leave the other wall rooms only: the same socket may also watch the work queue.
		for (const joined of socket.rooms)
			if (joined.startsWith('metrics:') && joined !== room.name) void socket.leave(joined);
		void socket.join(room.name);
		socket.data.scope = scope;
		reply({ ok: true, data: rooms.subscribe(scope, lastSeq) });
	};
}

export function attachRealtime(io: SigapServer, container: Container): Realtime {
	// Issue 5: sockets authenticate first; a room's view carries only rows inside its scope.
	const auth = attachSocketAuth(io, container);
	const rooms = new MetricsRooms({
		view: (scope) => wallViewInScope(container.live.wallView(scope)),
		// Local only: each process serves its own sockets from its own live state.
		emit: (room, delta) => io.local.to(room).emit('metrics:updated', delta),
		now: () => container.clock.now()
	});
	io.on('connection', (socket) => {
		socket.data.scope = null;
		socket.on('metrics:subscribe', onSubscribe(socket, rooms, container.reference));
		onCaseCommands(socket, container);
	});
	io.of('/').adapter.on('delete-room', (name: string) => {
		if (name.startsWith('metrics:')) rooms.drop(name);
	});
	const stop = container.bus.on('metrics:changed', () => rooms.touchAll());
	const stopCases = broadcastCaseFacts(io, container, () => rooms.touchAll());
	// After the subscription handler above: a wall that has just joined gets the warning.
	const stopSources = broadcastSourceSilence(io, container);
	const stopNotifications = broadcastNotifications(io, container);
	const ticker = setInterval(() => rooms.touchAll(), TICK_MS);
	ticker.unref();
	return {
		rooms,
		close: () => {
			auth.close();
			stop();
			stopCases();
			stopSources();
			stopNotifications();
			clearInterval(ticker);
			rooms.close();
		}
	};
}
