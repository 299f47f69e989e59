/**
 * WIB (Asia/Jakarta, UTC+7, no daylight saving) — the one place that turns instants into
 * Indonesian wall time and day boundaries. sla.md §Business calendar; metrics.md §Windows.
 */

export const WIB_OFFSET_MS = 7 * 3600_000;
export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** Start (epoch ms) of the WIB calendar day that contains `t`. */
export function startOfWibDay(t: number): number {
	return Math.floor((t + WIB_OFFSET_MS) / DAY_MS) * DAY_MS - WIB_OFFSET_MS;
}

/** Start of the minute containing `t` (WIB minutes align with UTC minutes). */
export function startOfMinute(t: number): number {
	return Math.floor(t / MINUTE_MS) * MINUTE_MS;
}

/** The WIB calendar date of `t` as `YYYY-MM-DD`. */
export function wibDate(t: number): string {
	return new Date(t + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** `HH:MM:SS` in WIB. */
export function wibClock(t: number): string {
	return new Date(t + WIB_OFFSET_MS).toISOString().slice(11, 19);
}

/** ISO 8601 with the WIB offset, e.g. `2026-03-25T00:30:00+07:00`. */
export function toWibIso(t: number): string {
	const local = new Date(t + WIB_OFFSET_MS).toISOString();
	const ms = local.slice(20, 23);
	return `${local.slice(0, 19)}${ms === '000' ? '' : `.${ms}`}+07:00`;
}

/** Epoch ms of 00:00 WIB on the given `YYYY-MM-DD`, or null if it is not a real date. */
export function wibMidnight(date: string): number | null {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
	const t = Date.parse(`${date}T00:00:00+07:00`);
	return Number.isNaN(t) || wibDate(t) !== date ? null : t;
}

/** `HH:MM` in WIB, e.g. for minute labels on the wall's chart. */
export function wibHourMinute(t: number): string {
	return wibClock(t).slice(0, 5);
}
