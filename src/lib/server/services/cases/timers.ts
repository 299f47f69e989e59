/**
 * The scheduler's view of time: the instant now and one-shot timers at an instant. Production
 * uses the system clock and `setTimeout`; tests drive a fake one (tests/support/fake-timers.ts),
 * so a transition's exact instant can be asserted without waiting for it.
 */

export interface TimerPort {
	now(): number;
	/** Calls `fn` once at (or just after) instant `at`; returns a cancel function. */
	setTimer(at: number, fn: () => void): () => void;
}

/** setTimeout's largest delay (about 24.8 days): longer waits re-arm when it fires. */
const MAX_DELAY_MS = 2_147_483_647;

/** Timers on `setTimeout`, measured against `now` (the container's clock). */
export function systemTimers(now: () => number): TimerPort {
	return {
		now,
		setTimer(at, fn) {
			const handle = setTimeout(fn, Math.min(Math.max(0, at - now()), MAX_DELAY_MS));
			handle.unref?.();
			return () => clearTimeout(handle);
		}
	};
}
