/**
 * Calendars on the wire (`HH:MM` intervals, dated overrides, holidays) to the domain's minute
 * intervals and back, with every problem named by its field: an interval ending before it
 * starts, overlapping intervals, a date that does not exist, a date listed twice.
 */
import { dayNumber } from '../../../domain/calendar/compile';
import type { BusinessCalendar, MinuteInterval } from '../../../domain/calendar/types';
import { toWibIso } from '../../../domain/time/wib';
import type { CalendarSave, CalendarView } from '../../../contracts/cases';
import { invalid } from './errors';

type Parsed = Required<Omit<CalendarSave, 'actor'>>;

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number) =>
	`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The domain calendar; throws `invalid(<field>)` at the first problem. */
export function calendarOf(input: Parsed): BusinessCalendar {
	const weekly: MinuteInterval[][] = Array.from({ length: 7 }, () => []);
	const byDay: { at: string; iv: MinuteInterval }[][] = Array.from({ length: 7 }, () => []);
	input.weekly.forEach((w, i) => {
		byDay[w.weekday]!.push({ at: `weekly[${i}]`, iv: interval(w, `weekly[${i}]`) });
	});
	byDay.forEach((list, day) => {
		noOverlap(list, DAYS[day]!);
		weekly[day] = list.map((x) => x.iv);
	});
	const overrides: Record<string, MinuteInterval[]> = {};
	input.overrides.forEach((o, i) => {
		realDate(o.date, `overrides[${i}].date`);
		if (overrides[o.date]) throw invalid(`overrides[${i}].date`, `${o.date} is listed twice`);
		const list = o.intervals.map((iv, j) => ({
			at: `overrides[${i}].intervals[${j}]`,
			iv: interval(iv, `overrides[${i}].intervals[${j}]`)
		}));
		noOverlap(list, o.date);
		overrides[o.date] = list.map((x) => x.iv);
	});
	const seen = new Set<string>();
	input.holidays.forEach((h, i) => {
		realDate(h.date, `holidays[${i}].date`);
		if (seen.has(h.date)) throw invalid(`holidays[${i}].date`, `${h.date} is listed twice`);
		seen.add(h.date);
	});
	return {
		id: input.id,
		name: input.name,
		timeZone: input.timeZone,
		weekly,
		overrides,
		holidays: input.holidays
	};
}

function interval(iv: { start: string; end: string }, at: string): MinuteInterval {
	const s = minutes(iv.start);
	const e = minutes(iv.end);
	if (e <= s) throw invalid(`${at}.end`, `${iv.end} is not after the start ${iv.start}`);
	return [s, e];
}

function noOverlap(list: { at: string; iv: MinuteInterval }[], day: string): void {
	const sorted = [...list].sort((a, b) => a.iv[0] - b.iv[0]);
	for (let i = 1; i < sorted.length; i++) {
		const prev = sorted[i - 1]!;
		const cur = sorted[i]!;
		if (cur.iv[0] < prev.iv[1]) {
			throw invalid(
				cur.at,
				`${hhmm(cur.iv[0])}–${hhmm(cur.iv[1])} overlaps ${prev.at} ${hhmm(prev.iv[0])}–${hhmm(prev.iv[1])} on ${day}`
			);
		}
	}
}

function realDate(date: string, at: string): void {
	if (dayNumber(date) === null) throw invalid(at, `${date} is not a real date`);
}

/** The wire form of a stored calendar. */
export function calendarView(cal: BusinessCalendar & { updatedAt: Date }): CalendarView {
	return {
		id: cal.id,
		name: cal.name,
		timeZone: cal.timeZone,
		weekly: cal.weekly.flatMap((day, weekday) =>
			day.map(([s, e]) => ({ weekday, start: hhmm(s), end: hhmm(e) }))
		),
		overrides: Object.entries(cal.overrides).map(([date, ivs]) => ({
			date,
			intervals: ivs.map(([s, e]) => ({ start: hhmm(s), end: hhmm(e) }))
		})),
		holidays: cal.holidays.map((h) => ({ ...h })),
		updatedAt: toWibIso(cal.updatedAt.getTime())
	};
}
