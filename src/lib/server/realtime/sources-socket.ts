/**
 * The walls' "source silent" warning (issue 4 §6): `sources:silent` to every wall room when the
 * set of silent sources changes, and to a wall right after it subscribes (so a new or
 * reconnected wall has it at once). Source names only: no personal data.
 */
import type { SourcesSilentV1 } from '../../contracts/sources';
import { toWibIso } from '../../domain/time/wib';
import type { Container } from '../container';
import type { SigapServer, SigapSocket } from './attach';

const isWallRoom = (room: string) => room.startsWith('metrics:');

export function broadcastSourceSilence(io: SigapServer, container: Container): () => void {
	let seq = 0;
	const fact = (silent: SourcesSilentV1['silent']): SourcesSilentV1 => ({
		seq: ++seq,
		asOf: toWibIso(container.clock.now()),
		silent
	});
	const stop = container.bus.on('sources:silence', ({ silent }) => {
		const rooms = [...io.of('/').adapter.rooms.keys()].filter(isWallRoom);
		if (rooms.length) io.local.to(rooms).emit('sources:silent', fact(silent));
	});
	const onConnection = (socket: SigapSocket) => {
		// Registered after attach.ts's own handler: the subscription has joined its room by now.
		socket.on('metrics:subscribe', () => {
			if ([...socket.rooms].some(isWallRoom))
				socket.emit('sources:silent', fact(container.sources.silent()));
		});
	};
	io.on('connection', onConnection);
	return () => {
		stop();
		io.off('connection', onConnection);
	};
}
