/**
 * Text timestamps without an offset (the Wazo/XiVO `queue_log` table, psql dumps) are wall
 * times of the PBX's zone. They become instants here, through Intl (no zone database of our
 * own), so daylight-saving zones work as well as WIB.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/** Null when `timeZone` is an IANA zone Intl knows (`UTC`, `Asia/Jakarta`), else why not. */
export function timeZoneProblem(timeZone: string): string | null {
	try {
		formatterFor(timeZone);
		return null;
	} catch {
		return `unknown time zone "${timeZone}"; use an IANA name such as UTC or Asia/Jakarta`;
	}
}

/** Offset of `timeZone` from UTC at instant `t` (ms), from the zone's wall clock at `t`. */
function offsetAt(t: number, timeZone: string): number {
	const parts: Record<string, number> = {};
	for (const p of formatterFor(timeZone).formatToParts(new Date(t)))
		parts[p.type] = Number(p.value);
	const wall = Date.UTC(
		parts.year!,
		parts.month! - 1,
		parts.day,
		parts.hour,
		parts.minute,
		parts.second
	);
	return wall - Math.floor(t / 1000) * 1000;
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
	const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [
		number,
		number,
		number,
		number,
		number,
		number
	];
	const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
	const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
	const check = new Date(utc);
	if (
		check.getUTCDate() !== d ||
		check.getUTCHours() !== h ||
		check.getUTCMinutes() !== mi ||
		s > 59
	)
		return null;
	if (m[8]) return utc - offsetMs(m[8]);
	const first = utc - offsetAt(utc, timeZone);
	const second = offsetAt(first, timeZone);
	return utc - second;
}
