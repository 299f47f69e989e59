/**
 * Live watch of one case page: joins the cases room (`cases:subscribe`) and calls `onChange`
 * when a fact about this case arrives (the page then reloads its data), and ticks a clock for
 * the SLA countdowns.
 */
import type { Connection } from './freshness';
import { connectWallSocket, type WallSocket } from './socket';

const TICK_MS = 1000;

export class LiveCaseWatch {
	#now = $state.raw(Date.now());
	#connection = $state.raw<Connection>('connecting');
	readonly #caseId: string;

	constructor(caseId: string) {
		this.#caseId = caseId;
	}

	get now(): number {
		return this.#now;
	}
	get connection(): Connection {
		return this.#connection;
	}

	/** Connects; returns the function that stops (an effect cleanup). */
	start(onChange: () => void, socket: WallSocket = connectWallSocket()): () => void {
		const mine = (fact: { caseId?: string; row?: { id: string } }) =>
			(fact.caseId ?? fact.row?.id) === this.#caseId;
		const subscribe = () =>
			socket.timeout(5_000).emit('cases:subscribe', { limit: 1 }, (err, ack) => {
				this.#connection = !err && ack?.ok ? 'live' : 'connecting';
			});
		socket.on('connect', subscribe);
		socket.on('disconnect', () => (this.#connection = 'offline'));
		socket.on('case:updated', (fact) => mine(fact) && onChange());
		socket.on('case:reassigned', (fact) => mine(fact) && onChange());
		socket.on('sla:transitioned', (fact) => mine(fact) && onChange());
		if (socket.connected) subscribe();
		const ticker = setInterval(() => (this.#now = Date.now()), TICK_MS);
		return () => {
			clearInterval(ticker);
			socket.removeAllListeners();
			socket.disconnect();
		};
	}
}
