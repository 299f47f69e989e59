/**
 * Silence of a source (issue 4 §6): a source that sends nothing for longer than its quiet limit
 * during business hours makes the wall warn, because a silent PBX otherwise looks like a calm
 * day. Silence is counted in business minutes of the standard calendar, so a quiet night or
 * weekend does not count and a Monday morning gets its quiet limit before anyone is warned.
 * Pure: the calendar and `now` are arguments; the judgement says when it may change next.
 */
import { businessMs, dueAfterMs, isOpen, nextOpening } from '../calendar/business-calendar';
import { compileCalendar, dayIntervals } from '../calendar/compile';
import type { BusinessCalendar } from '../calendar/types';
import { MINUTE_MS } from '../time/wib';

export interface SilenceInput {
	/** When the source's last event arrived; null: none known. */
	lastEventAt: number | null;
	/** Since when the source is watched (its key's creation, or the process start). */
	watchedSince: number;
	/** Business minutes of silence allowed; null or 0: never judged silent. */
	quietMinutes: number | null;
	now: number;
}

export interface Silence {
	/** Silent longer than the quiet limit, and the calendar is open now: the wall warns. */
	silent: boolean;
	/** Start of the silence: the last event, or the start of watching when none is known. */
	since: number;
	/** Whole business minutes since `since`. */
	silentMinutes: number;
	/** The next instant the judgement may change if nothing arrives; null: never. */
	nextCheckAt: number | null;
}

/** How far `openUntil` follows business time that runs on past midnight (a 24/7 calendar). */
const MAX_DAYS_AHEAD = 8;

/** The end of the business time `t` lies in (the next closing); null when closed at `t`. */
export function openUntil(cal: BusinessCalendar, t: number): number | null {
	const cc = compileCalendar(cal);
	let day = cc.zone.dayOf(t);
	let end: number | null = null;
	for (let step = 0; step < MAX_DAYS_AHEAD; step++, day++) {
		const iv = dayIntervals(cc, day);
		const probe = end ?? t;
		let next: number | null = null;
		for (let i = 0; i < iv.length; i += 2)
			if (iv[i]! <= probe && probe < iv[i + 1]!) next = iv[i + 1]!;
		if (next === null) return end;
		end = next;
		// Business time that ends at midnight may go on the next day without a break.
		const nextDay = dayIntervals(cc, day + 1);
		if (nextDay[0] !== end) return end;
	}
	return end;
}

/**
 * Is the source silent at `now`? Silent when its quiet limit is set, the calendar is open and
 * at least that many business minutes passed since `since` (issue 4 §6). While silent the
 * warning lasts until the calendar closes; otherwise it may start when the limit is reached.
 */
export function judgeSilence(cal: BusinessCalendar, input: SilenceInput): Silence {
	const { now, quietMinutes } = input;
	const since = Math.min(input.lastEventAt ?? input.watchedSince, now);
	const silentMs = businessMs(cal, since, now);
	const silentMinutes = Math.floor(silentMs / MINUTE_MS);
	if (!quietMinutes || quietMinutes <= 0)
		return { silent: false, since, silentMinutes, nextCheckAt: null };
	const limitMs = quietMinutes * MINUTE_MS;
	if (silentMs >= limitMs && isOpen(cal, now))
		return { silent: true, since, silentMinutes, nextCheckAt: openUntil(cal, now) };
	const due = dueAfterMs(cal, since, limitMs);
	// Reached while closed (or right at a closing): silent again at the next opening.
	const nextCheckAt = due !== null && due > now ? due : nextOpening(cal, now + 1);
	return { silent: false, since, silentMinutes, nextCheckAt };
}

/**
 * "Receiving" for a source without a connection of its own (webhooks, the ingest API): an
 * event arrived within the quiet limit (wall-clock minutes; `fallbackMinutes` when unwatched).
 */
export function isReceiving(
	lastEventAt: number | null,
	quietMinutes: number | null,
	now: number,
	fallbackMinutes: number
): boolean {
	const minutes = quietMinutes && quietMinutes > 0 ? quietMinutes : fallbackMinutes;
	return lastEventAt !== null && now - lastEventAt < minutes * MINUTE_MS;
}
