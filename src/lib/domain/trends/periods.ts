/**
 * Trend periods in WIB (issue 6: "Day boundaries are WIB"; weeks and months are sums of WIB
 * days). Only fixed-offset arithmetic from time/wib.ts: the server's own time zone never
 * enters, so a month report holds exactly its month wherever the server runs.
 */
import { DAY_MS, startOfWibDay, WIB_OFFSET_MS, wibDate } from '../time/wib';
import { HOUR_MS } from './cells';

export const GRANULARITIES = ['hour', 'day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** WIB weekday of `t`: 0 Monday … 6 Sunday (ISO order, as a ministry week is read). */
export function wibWeekday(t: number): number {
	return (new Date(t + WIB_OFFSET_MS).getUTCDay() + 6) % 7;
}

/** WIB hour of day of `t`, 0…23. */
export function wibHour(t: number): number {
	return new Date(t + WIB_OFFSET_MS).getUTCHours();
}

/** 00:00 WIB on the first of the month `months` after the month containing `t`. */
function monthStart(t: number, months = 0): number {
	const local = new Date(t + WIB_OFFSET_MS);
	return Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + months, 1) - WIB_OFFSET_MS;
}

/** Start of the period containing `t`: the hour, the WIB day, the Monday, the 1st. */
export function periodStart(t: number, g: Granularity): number {
	if (g === 'hour') return Math.floor(t / HOUR_MS) * HOUR_MS;
	const day = startOfWibDay(t);
	if (g === 'day') return day;
	if (g === 'week') return day - wibWeekday(day) * DAY_MS;
	return monthStart(t);
}

/** Start of the period after the one starting at `start`. */
export function nextPeriod(start: number, g: Granularity): number {
	if (g === 'hour') return start + HOUR_MS;
	if (g === 'day') return start + DAY_MS;
	if (g === 'week') return start + 7 * DAY_MS;
	return monthStart(start, 1);
}

/** The starts of the periods that [from, to) touches, in order. */
export function periodsIn(from: number, to: number, g: Granularity): number[] {
	const out: number[] = [];
	for (let p = periodStart(from, g); p < to; p = nextPeriod(p, g)) out.push(p);
	return out;
}

/** A period's label: `2025-03-31 23:00`, `2025-03-31`, the Monday's date, or `2025-03`. */
export function periodLabel(start: number, g: Granularity): string {
	const date = wibDate(start);
	if (g === 'hour') return `${date} ${String(wibHour(start)).padStart(2, '0')}:00`;
	return g === 'month' ? date.slice(0, 7) : date;
}

/** The range of the same length right before [from, to): what "vs previous period" compares. */
export function previousRange(from: number, to: number): { from: number; to: number } {
	return { from: from - (to - from), to: from };
}
