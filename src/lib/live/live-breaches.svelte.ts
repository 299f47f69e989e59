/**
 * Live breach ticker of one wall: starts from the SSR list, adds each `wall:breach` in the
 * wall's scope as it arrives (the server sends it at the breach instant) and ticks a clock so
 * "how late" grows on screen. `onNew` runs for a breach not seen before (the chime).
 */
import type { WallBreach } from '$contracts/cases';
import type { WallScope } from '$contracts/metrics';
import { addBreach } from './breach-ticker';
import type { WallSocket } from './socket';

const TICK_MS = 1000;

export class LiveBreaches {
	#items = $state.raw<WallBreach[]>([]);
	#now = $state.raw(Date.now());
	readonly #scope: WallScope;
	readonly #limit: number;

	constructor(initial: WallBreach[], scope: WallScope, limit = 8) {
		this.#scope = scope;
		this.#limit = limit;
		for (const breach of initial) this.#items = addBreach(this.#items, breach, scope, limit).list;
	}

	get items(): WallBreach[] {
		return this.#items;
	}
	get now(): number {
		return this.#now;
	}

	/** Listens on the wall's socket; returns the function that stops (an effect cleanup). */
	start(socket: WallSocket, onNew: (breach: WallBreach) => void = () => {}): () => void {
		const listener = (breach: WallBreach) => {
			const { list, added } = addBreach(this.#items, breach, this.#scope, this.#limit);
			this.#items = list;
			if (added) onNew(breach);
		};
		socket.on('wall:breach', listener);
		const ticker = setInterval(() => (this.#now = Date.now()), TICK_MS);
		return () => {
			clearInterval(ticker);
			socket.off('wall:breach', listener);
		};
	}
}
