/**
 * What Sigap has seen of each source lately (issue 4 §6): a minute ring of arrivals and one of
 * dead letters, and the last instant of each. Fed as events and dead letters arrive (and from
 * the store's last hour at start); read by the health rows. Pure: instants are arguments.
 */
import { MinuteRing } from './minute-ring';

export interface SourceTrack {
	events: MinuteRing;
	deadLetters: MinuteRing;
	lastEventAt: number | null;
	lastDeadLetterAt: number | null;
}

const later = (a: number | null, b: number) => (a === null ? b : Math.max(a, b));

export class SourceLedger {
	readonly #tracks = new Map<string, SourceTrack>();

	/** The source's track, created empty when it was never seen. */
	track(source: string): SourceTrack {
		let t = this.#tracks.get(source);
		if (!t) {
			t = {
				events: new MinuteRing(),
				deadLetters: new MinuteRing(),
				lastEventAt: null,
				lastDeadLetterAt: null
			};
			this.#tracks.set(source, t);
		}
		return t;
	}

	has(source: string): boolean {
		return this.#tracks.has(source);
	}

	names(): string[] {
		return [...this.#tracks.keys()];
	}

	/** `n` events of the source arrived at `at`. */
	arrived(source: string, at: number, n = 1): void {
		const t = this.track(source);
		t.events.add(at, n);
		t.lastEventAt = later(t.lastEventAt, at);
	}

	/** The source's last event arrived at `at` (older than the rings: only the instant counts). */
	lastSeen(source: string, at: number): void {
		const t = this.track(source);
		t.lastEventAt = later(t.lastEventAt, at);
	}

	/** A dead letter of the source was kept at `at`. */
	deadLetter(source: string, at: number): void {
		const t = this.track(source);
		t.deadLetters.add(at);
		t.lastDeadLetterAt = later(t.lastDeadLetterAt, at);
	}
}
