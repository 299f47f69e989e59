/**
 * What the two breach-notification outboxes share (the signed webhook and the in-app
 * delivery): their work runs one piece after another — a timer firing while a poke runs must
 * not read the table twice — a failure is logged and the next piece still runs, one timer is
 * armed at a time, and `idle()` lets a closing process wait for the piece in flight.
 */
import type { TimerPort } from './timers';

export class OutboxLoop {
	#chain: Promise<unknown> = Promise.resolve();
	#cancel: (() => void) | null = null;
	#stopped = false;

	constructor(
		private readonly timers: TimerPort,
		private readonly what: string
	) {}

	get stopped(): boolean {
		return this.#stopped;
	}

	run(work: () => Promise<void>): Promise<void> {
		const next = this.#chain.then(work);
		this.#chain = next.catch((e) => console.error(`sigap: ${this.what} failed`, e));
		return next;
	}

	/** Replaces the armed timer: `work` runs (in turn) at `at`. */
	armAt(at: number, work: () => Promise<void>): void {
		this.disarm();
		if (this.#stopped) return;
		this.#cancel = this.timers.setTimer(at, () => void this.run(work));
	}

	disarm(): void {
		this.#cancel?.();
		this.#cancel = null;
	}

	idle(): Promise<void> {
		return this.#chain.then(() => undefined);
	}

	stop(): void {
		this.#stopped = true;
		this.disarm();
	}
}
