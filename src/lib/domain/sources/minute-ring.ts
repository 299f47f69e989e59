/**
 * Counts per minute over the last hour (issue 4 §6 "events per minute, dead letters per
 * minute"): a fixed ring of one-minute slots, so memory stays constant however long the
 * process runs and however many events arrive. Pure: instants are arguments.
 */
import { MINUTE_MS } from '../time/wib';

/** Minutes the ring remembers: the rates' window and the rebuild at start fit in it. */
export const RING_MINUTES = 60;

const slotOf = (minute: number) => ((minute % RING_MINUTES) + RING_MINUTES) % RING_MINUTES;

export class MinuteRing {
	/** The minute (epoch minutes) each slot counts, -1 when empty. */
	readonly #minute: number[] = new Array<number>(RING_MINUTES).fill(-1);
	readonly #count: number[] = new Array<number>(RING_MINUTES).fill(0);

	/** Counts `n` at instant `at`; a minute older than the ring keeps is ignored. */
	add(at: number, n = 1): void {
		if (!Number.isFinite(at)) throw new RangeError(`instant must be finite, got ${at}`);
		const minute = Math.floor(at / MINUTE_MS);
		const slot = slotOf(minute);
		const held = this.#minute[slot]!;
		if (held > minute) return;
		if (held !== minute) {
			this.#minute[slot] = minute;
			this.#count[slot] = 0;
		}
		this.#count[slot]! += n;
	}

	/** The count of the `minutes` whole minutes ending with the one that contains `now`. */
	sum(now: number, minutes: number): number {
		if (!Number.isInteger(minutes) || minutes < 1 || minutes > RING_MINUTES)
			throw new RangeError(`minutes must be a whole number from 1 to ${RING_MINUTES}`);
		const last = Math.floor(now / MINUTE_MS);
		let total = 0;
		for (let minute = last - minutes + 1; minute <= last; minute++) {
			const slot = slotOf(minute);
			if (this.#minute[slot] === minute) total += this.#count[slot]!;
		}
		return total;
	}

	/** Per minute over the window (the current, partial minute included), to two decimals. */
	perMinute(now: number, minutes: number): number {
		return Math.round((this.sum(now, minutes) / minutes) * 100) / 100;
	}
}
