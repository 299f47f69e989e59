/**
 * A business-time clock that can stop (sla.md §Policies: pause while waiting on the reporter).
 * Elapsed time is business time in [start, t) outside the stops; `reachAt` is the earliest
 * instant elapsed time reaches a target.
 */
import { businessMs, dueAfterMs, type BusinessCalendar } from '../calendar/business-calendar';

/** A span in which the clock does not run; `to` null = still stopped. */
export interface ClockStop {
	from: number;
	to: number | null;
}

/** A stop clipped to the clock's life, closed (`to` known). */
interface Span {
	from: number;
	to: number;
}

/**
 * The stops clipped to `[start, horizon]`, sorted and merged. A stop still open (or ending
 * after the horizon) ends at the horizon: nothing after `horizon` is known yet.
 */
export function clipStops(stops: readonly ClockStop[], start: number, horizon: number): Span[] {
	const spans = stops
		.map((s) => ({ from: Math.max(s.from, start), to: Math.min(s.to ?? horizon, horizon) }))
		.filter((s) => s.to > s.from)
		.sort((a, b) => a.from - b.from);
	const merged: Span[] = [];
	for (const s of spans) {
		const last = merged[merged.length - 1];
		if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
		else merged.push({ ...s });
	}
	return merged;
}

/** Business ms the clock has run in `[start, at)`, given stops already clipped. */
export function elapsedMs(cal: BusinessCalendar, start: number, spans: Span[], at: number): number {
	let total = 0;
	let cursor = start;
	for (const s of spans) {
		if (s.from >= at) break;
		total += businessMs(cal, cursor, s.from);
		cursor = s.to;
	}
	return total + businessMs(cal, cursor, at);
}

/**
 * The earliest instant the clock has run `targetMs` of business time, assuming it runs
 * uninterrupted after the last stop; null when the calendar never gets there.
 */
export function reachAt(
	cal: BusinessCalendar,
	start: number,
	spans: Span[],
	targetMs: number
): number | null {
	let remaining = targetMs;
	let cursor = start;
	for (const s of spans) {
		const run = businessMs(cal, cursor, s.from);
		// `run > 0` keeps a zero target from landing on an opening that lies inside the stop.
		if (run > 0 && remaining <= run) return dueAfterMs(cal, cursor, remaining);
		remaining -= run;
		cursor = s.to;
	}
	return dueAfterMs(cal, cursor, remaining);
}
