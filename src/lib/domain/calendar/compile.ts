/**
 * Validation and the compiled form of a business calendar (sla.md §Business calendar): weekly
 * minutes per weekday, and the dated days (holidays, overrides) that differ from them, by local
 * day number. Calendars are treated as immutable values: compiled once per object.
 */
import type { BusinessCalendar, MinuteInterval } from './types';
import { DAY_MS, MINUTE_MS, zoneOf, type Zone } from './zone';

export interface CompiledCalendar {
	zone: Zone;
	/** Per weekday (0 = Sunday): flat sorted minutes `[s0, e0, s1, e1, …]`. */
	weekly: number[][];
	weekdayMs: number[];
	weekMs: number;
	/** Local day number → flat minutes of a day that differs from its weekday (`[]` = closed). */
	special: Map<number, number[]>;
	/** The keys of `special`, ascending, to find dated days in a range by binary search. */
	specialDays: number[];
}

const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();

/** The compiled calendar, validated once; throws `CalendarError` listing every problem. */
export function compileCalendar(cal: BusinessCalendar): CompiledCalendar {
	let cc = compiled.get(cal);
	if (!cc) {
		cc = build(cal);
		compiled.set(cal, cc);
	}
	return cc;
}

export class CalendarError extends Error {
	constructor(
		readonly calendarId: string,
		readonly problems: string[]
	) {
		super(`Business calendar "${calendarId}" is invalid: ${problems.join('; ')}`);
		this.name = 'CalendarError';
	}
}

function build(cal: BusinessCalendar): CompiledCalendar {
	const problems: string[] = [];
	if (!Array.isArray(cal.weekly) || cal.weekly.length !== 7) {
		throw new CalendarError(cal.id, ['weekly must list 7 weekdays (0 = Sunday … 6 = Saturday)']);
	}
	const weekly = cal.weekly.map((day, i) => normalise(day, `weekday ${i}`, problems));
	const special = new Map<number, number[]>();
	for (const [date, intervals] of Object.entries(cal.overrides ?? {})) {
		const n = dayNumber(date);
		if (n === null) problems.push(`override date "${date}" is not a real YYYY-MM-DD date`);
		else special.set(n, normalise(intervals, `override ${date}`, problems));
	}
	for (const h of cal.holidays ?? []) {
		const n = dayNumber(h.date);
		if (n === null) problems.push(`holiday date "${h.date}" is not a real YYYY-MM-DD date`);
		else special.set(n, []);
	}
	let zone: Zone | null = null;
	try {
		zone = zoneOf(cal.timeZone);
	} catch (e) {
		problems.push((e as Error).message);
	}
	if (problems.length > 0 || !zone) throw new CalendarError(cal.id, problems);
	const weekdayMs = weekly.map((day) => spanOf(day) * MINUTE_MS);
	return {
		zone,
		weekly,
		weekdayMs,
		weekMs: weekdayMs.reduce((a, b) => a + b, 0),
		special,
		specialDays: [...special.keys()].sort((a, b) => a - b)
	};
}

/** Sorts, checks and flattens one day's intervals; touching intervals are merged. */
function normalise(day: readonly MinuteInterval[], where: string, problems: string[]): number[] {
	if (!Array.isArray(day)) {
		problems.push(`${where}: intervals must be an array of [startMinute, endMinute)`);
		return [];
	}
	const flat: number[] = [];
	const sorted = [...day].sort((x, y) => x[0] - y[0]);
	for (const [s, e] of sorted) {
		if (!Number.isInteger(s) || !Number.isInteger(e) || s < 0 || e > 1440 || s >= e) {
			problems.push(`${where}: [${s}, ${e}) is not whole minutes with 0 ≤ start < end ≤ 1440`);
		} else if (flat.length > 0 && s < flat[flat.length - 1]!) {
			problems.push(`${where}: [${s}, ${e}) overlaps the previous interval`);
		} else if (flat.length > 0 && s === flat[flat.length - 1]) {
			flat[flat.length - 1] = e;
		} else flat.push(s, e);
	}
	return flat;
}

/** Total length of flat intervals `[s0, e0, s1, e1, …]`, in their own unit. */
function spanOf(flat: number[]): number {
	let sum = 0;
	for (let i = 0; i < flat.length; i += 2) sum += flat[i + 1]! - flat[i]!;
	return sum;
}

/** Local day number (days since 1970-01-01) of `YYYY-MM-DD`, or null if not a real date. */
export function dayNumber(date: string): number | null {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
	const t = Date.parse(`${date}T00:00:00Z`);
	if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date) return null;
	return t / DAY_MS;
}

/** Weekday of local day `n`, 0 = Sunday (day 0, 1970-01-01, was a Thursday). */
export function weekday(n: number): number {
	return (((n + 4) % 7) + 7) % 7;
}

/** Business intervals of local day `n` as flat instants `[s0, e0, …]`. */
export function dayIntervals(cc: CompiledCalendar, n: number): number[] {
	const minutes = cc.special.get(n) ?? cc.weekly[weekday(n)]!;
	return minutes.map((m) => cc.zone.instantAt(n, m));
}

/** Business ms of a whole local day `n`. */
export function dayMs(cc: CompiledCalendar, n: number): number {
	if (!cc.special.has(n) && cc.zone.dayStart(n + 1) - cc.zone.dayStart(n) === DAY_MS) {
		return cc.weekdayMs[weekday(n)]!;
	}
	return spanOf(dayIntervals(cc, n));
}

/**
 * True when days `[n, n + 7)` hold exactly `weekMs` of business time: no dated day among them
 * and no offset change (the week lasts 7 × 24 h; real zones never shift twice within a week).
 */
export function isPlainWeek(cc: CompiledCalendar, n: number): boolean {
	if (cc.zone.dayStart(n + 7) - cc.zone.dayStart(n) !== 7 * DAY_MS) return false;
	const days = cc.specialDays;
	let lo = 0;
	let hi = days.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (days[mid]! < n) lo = mid + 1;
		else hi = mid;
	}
	return lo === days.length || days[lo]! >= n + 7;
}
