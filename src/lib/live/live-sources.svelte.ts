/**
 * The silent sources a wall warns about (issue 4 §6), live: every `sources:silent` replaces the
 * list (the server sends the whole list, also right after the wall subscribes); a clock ticks
 * so the minutes grow between facts. No personal data: source names only.
 */
import type { SourcesSilentV1 } from '$contracts/sources';
import { silentLines, type SilentLine } from './silent-sources';
import type { WallSocket } from './socket';

const TICK_MS = 15_000;

export class LiveSources {
	#fact = $state.raw<SourcesSilentV1 | null>(null);
	#receivedAt = $state.raw(0);
	#now = $state.raw(Date.now());
	#lastSeq = 0;

	/** Longest silence first, at most a few names; `more` counts the rest. */
	get silent(): { lines: SilentLine[]; more: number } {
		const fact = this.#fact;
		return fact ? silentLines(fact.silent, this.#receivedAt, this.#now) : { lines: [], more: 0 };
	}

	/** Listens on the wall's socket; returns the function that stops (an effect cleanup). */
	start(socket: WallSocket): () => void {
		// A reconnect may reach a restarted server whose seq begins again.
		const onConnect = () => (this.#lastSeq = 0);
		const onFact = (fact: SourcesSilentV1) => {
			if (fact.seq <= this.#lastSeq) return;
			this.#lastSeq = fact.seq;
			this.#fact = fact;
			this.#receivedAt = Date.now();
			this.#now = this.#receivedAt;
		};
		socket.on('connect', onConnect);
		socket.on('sources:silent', onFact);
		const ticker = setInterval(() => (this.#now = Date.now()), TICK_MS);
		return () => {
			clearInterval(ticker);
			socket.off('connect', onConnect);
			socket.off('sources:silent', onFact);
		};
	}
}
