/**
 * Business duration and due times on a business calendar (sla.md §Business duration and due
 * times). Walks local days, not minutes, and steps over plain weeks with the precomputed weekly
 * total, so a due time 30 business days ahead or a two-year span costs a few dozen steps.
 */
import {
	compileCalendar,
	dayIntervals,
	dayMs,
	isPlainWeek,
	type CompiledCalendar
} from './compile';
import type { BusinessCalendar, Holiday, MinuteInterval } from './types';
import { MINUTE_MS } from './zone';

export type { BusinessCalendar, Holiday, HolidayKind, MinuteInterval } from './types';
export { CalendarError } from './compile';

/** How far `dueAt` searches before it declares the target unreachable: ten years of days. */
export const SEARCH_LIMIT_DAYS = 3653;

const OFFICE_HOURS: readonly MinuteInterval[] = [[7 * 60 + 30, 16 * 60 + 30]];

/** The contact center's calendar: Mon–Fri [07:30, 16:30) WIB, 540 minutes a day (sla.md). */
export function standardCalendar(holidays: readonly Holiday[] = []): BusinessCalendar {
	const weekday = OFFICE_HOURS;
	return {
		id: 'standard',
		name: 'Jam kerja standar (Senin–Jumat 07:30–16:30 WIB)',
		timeZone: 'Asia/Jakarta',
		weekly: [[], weekday, weekday, weekday, weekday, weekday, []],
		overrides: {},
		holidays
	};
}

/** Round the clock, every day (the chatbot): business time is all time. */
export function alwaysOpenCalendar(): BusinessCalendar {
	const allDay: readonly MinuteInterval[] = [[0, 1440]];
	return {
		id: '24x7',
		name: '24/7',
		timeZone: 'Asia/Jakarta',
		weekly: Array.from({ length: 7 }, () => allDay),
		overrides: {},
		holidays: []
	};
}

/** Business minutes in `[a, b)`, exact to the millisecond; 0 when `a ≥ b` (sla.md). */
export function businessMinutes(cal: BusinessCalendar, a: number, b: number): number {
	return businessMs(cal, a, b) / MINUTE_MS;
}

/** Business milliseconds in `[a, b)`; 0 when `a ≥ b`. */
export function businessMs(cal: BusinessCalendar, a: number, b: number): number {
	assertInstant(a, 'from');
	assertInstant(b, 'to');
	if (a >= b) return 0;
	const cc = compileCalendar(cal);
	const first = cc.zone.dayOf(a);
	const last = cc.zone.dayOf(b);
	if (first === last) return overlap(dayIntervals(cc, first), a, b);
	let total = overlap(dayIntervals(cc, first), a, b) + overlap(dayIntervals(cc, last), a, b);
	for (let n = first + 1; n < last;) {
		if (n + 7 <= last && isPlainWeek(cc, n)) {
			total += cc.weekMs;
			n += 7;
		} else {
			total += dayMs(cc, n);
			n += 1;
		}
	}
	return total;
}

/**
 * The earliest instant `d` with `businessMinutes(start, d) = targetMinutes` (sla.md): a clock
 * started outside business time begins at the next opening; target 0 gives `start` itself when
 * open, else the next opening. Null when no such instant lies within `SEARCH_LIMIT_DAYS`
 * (a calendar without business time).
 */
export function dueAt(cal: BusinessCalendar, start: number, targetMinutes: number): number | null {
	if (!Number.isFinite(targetMinutes) || targetMinutes < 0) {
		throw new RangeError(`target must be a finite number of minutes ≥ 0, got ${targetMinutes}`);
	}
	return dueAfterMs(cal, start, Math.round(targetMinutes * MINUTE_MS));
}

/** `dueAt` with the target in whole milliseconds (the SLA clock's unit). */
export function dueAfterMs(cal: BusinessCalendar, start: number, targetMs: number): number | null {
	assertInstant(start, 'start');
	const cc = compileCalendar(cal);
	const first = cc.zone.dayOf(start);
	let remaining = targetMs;
	for (let n = first; n <= first + SEARCH_LIMIT_DAYS;) {
		if (n > first && skipsWeek(cc, n, remaining)) {
			remaining -= cc.weekMs;
			n += 7;
			continue;
		}
		const iv = dayIntervals(cc, n);
		for (let i = 0; i < iv.length; i += 2) {
			const from = Math.max(iv[i]!, start);
			const len = iv[i + 1]! - from;
			if (len <= 0) continue;
			if (remaining <= len) return from + remaining;
			remaining -= len;
		}
		n += 1;
	}
	return null;
}

/** A whole plain week can be stepped over when the target lies beyond it (or it is closed). */
function skipsWeek(cc: CompiledCalendar, n: number, remaining: number): boolean {
	return (remaining > cc.weekMs || cc.weekMs === 0) && isPlainWeek(cc, n);
}

/** The earliest business instant at or after `t` (`t` itself when open); null if none. */
export function nextOpening(cal: BusinessCalendar, t: number): number | null {
	return dueAfterMs(cal, t, 0);
}

/** Whether instant `t` is business time (interval starts belong to it, ends do not). */
export function isOpen(cal: BusinessCalendar, t: number): boolean {
	assertInstant(t, 'instant');
	const cc = compileCalendar(cal);
	const iv = dayIntervals(cc, cc.zone.dayOf(t));
	for (let i = 0; i < iv.length; i += 2) if (iv[i]! <= t && t < iv[i + 1]!) return true;
	return false;
}

function overlap(iv: number[], a: number, b: number): number {
	let sum = 0;
	for (let i = 0; i < iv.length; i += 2) {
		const len = Math.min(iv[i + 1]!, b) - Math.max(iv[i]!, a);
		if (len > 0) sum += len;
	}
	return sum;
}

function assertInstant(t: number, what: string): void {
	if (!Number.isFinite(t))
		throw new RangeError(`${what} must be a finite epoch-ms instant, got ${t}`);
}
