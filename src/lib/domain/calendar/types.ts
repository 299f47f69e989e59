/**
 * A business calendar is data, not code (sla.md §Business calendar): weekly hours, dated
 * overrides and holidays, in its own IANA time zone. The 24/7 chatbot calendar and per-team
 * calendars are just other values of this type.
 */

/** `[startMinute, endMinute)` of local wall time, 0 ≤ start < end ≤ 1440, whole minutes. */
export type MinuteInterval = readonly [start: number, end: number];

export type HolidayKind = 'national' | 'cuti_bersama' | 'other';

/** A whole local calendar day without business time. */
export interface Holiday {
	/** Local date `YYYY-MM-DD`. */
	date: string;
	/** Name in Bahasa Indonesia, e.g. `Proklamasi Kemerdekaan`. */
	name: string;
	/** Where the date comes from (decree number, or "provisional …"). */
	source: string;
	kind: HolidayKind;
}

export interface BusinessCalendar {
	id: string;
	name: string;
	/** IANA zone, e.g. `Asia/Jakarta`; any zone works, with or without daylight saving. */
	timeZone: string;
	/** Business intervals per weekday, index 0 = Sunday … 6 = Saturday; several per day allowed. */
	weekly: readonly (readonly MinuteInterval[])[];
	/**
	 * Dated replacements of the weekly hours, keyed by local date `YYYY-MM-DD` (Ramadan hours,
	 * a short day; `[]` closes the day). A holiday on the same date wins: closing is the safer
	 * reading when a bulk override range (a Ramadan month) overlaps a holiday.
	 */
	overrides: Readonly<Record<string, readonly MinuteInterval[]>>;
	holidays: readonly Holiday[];
}
