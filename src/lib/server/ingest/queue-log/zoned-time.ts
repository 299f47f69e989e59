/**
 * Text timestamps without an offset (the Wazo/XiVO `queue_log` table, psql dumps) are wall
 * times of the PBX's zone. They become instants through the calendar's zone (Intl), so
 * daylight-saving zones work as well as WIB.
 */
import { DAY_MS, MINUTE_MS, zoneOf } from '../../../domain/calendar/zone';

/** Null when `timeZone` is an IANA zone Intl knows (`UTC`, `Asia/Jakarta`), else why not. */
export function timeZoneProblem(timeZone: string): string | null {
	try {
		zoneOf(timeZone);
		return null;
	} catch {
		return `unknown time zone "${timeZone}"; use an IANA name such as UTC or Asia/Jakarta`;
	}
}

const WALL_TIME =
	/^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** True when `text` looks like a date-time (`2012-07-03 15:27:23.896208`), valid or not. */
export function looksLikeWallTime(text: string): boolean {
	return WALL_TIME.test(text);
}

function offsetMs(zone: string): number {
	if (zone === 'Z') return 0;
	const sign = zone.startsWith('-') ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)) * 60_000;
}

/**
 * Epoch ms of a `YYYY-MM-DD HH:MM:SS[.ffffff][offset]` timestamp; without an offset it is a
 * wall time in `timeZone`. Sub-millisecond digits are dropped. Null when the date does not
 * exist (`2012-02-30`). A wall time skipped by a DST jump resolves to the later offset.
 */
export function wallTimeToEpoch(text: string, timeZone: string): number | null {
	const m = WALL_TIME.exec(text);
	if (!m) return null;
	const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as number[] as Tuple6;
	const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
	const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
	// Date.UTC rolls 2012-02-30 over to March: a changed field means no such date-time.
	const back = new Date(utc);
	if (
		back.getUTCDate() !== d ||
		back.getUTCHours() !== h ||
		back.getUTCMinutes() !== mi ||
		s > 59
	) {
		return null;
	}
	if (m[8]) return utc - offsetMs(m[8]);
	// Zone offsets change on whole minutes: the minute's instant plus the seconds is exact.
	const day = Math.floor(utc / DAY_MS);
	return (
		zoneOf(timeZone).instantAt(day, h * 60 + mi) + (utc - Math.floor(utc / MINUTE_MS) * MINUTE_MS)
	);
}

type Tuple6 = [number, number, number, number, number, number];
