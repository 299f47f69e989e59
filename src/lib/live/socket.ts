/**
 * The browser's typed Socket.io connection (contracts/socket.ts). Websocket only, as on the
 * server (STACK.md); reconnection on, so a wall recovers by itself after a network cut.
 */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '$contracts/socket';

export type WallSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Opens a socket to the page's own origin (one process, one port). */
export function connectWallSocket(): WallSocket {
	return io({
		transports: ['websocket'],
		reconnection: true,
		reconnectionDelay: 500,
		reconnectionDelayMax: 5_000
	});
}
