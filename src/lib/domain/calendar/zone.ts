/**
 * Local days of an IANA time zone as instants (sla.md §Business calendar). A local day is
 * numbered like a UTC date (days since 1970-01-01); its start instant comes from the zone's
 * offset via Intl and is cached per day, so a walk over years asks Intl once per new day.
 * Nothing here assumes WIB: zones with daylight saving get 23- and 25-hour days.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

export interface Zone {
	/** Instant at which local day `n` begins (its local midnight). */
	dayStart(n: number): number;
	/** Number of the local day containing instant `t`. */
	dayOf(t: number): number;
	/** Instant of local wall-clock minute `minute` (0…1440) of day `n`, within that day. */
	instantAt(n: number, minute: number): number;
}

/** Cache size guard: a long-running server walks at most a few thousand distinct days. */
const MAX_CACHED_DAYS = 100_000;
const zones = new Map<string, Zone>();

/** The zone named `timeZone`, created once per process. Throws on an unknown zone name. */
export function zoneOf(timeZone: string): Zone {
	let zone = zones.get(timeZone);
	if (!zone) {
		zone = createZone(timeZone);
		zones.set(timeZone, zone);
	}
	return zone;
}

function createZone(timeZone: string): Zone {
	const offsetAt = offsetReader(timeZone);
	const starts = new Map<number, number>();

	/** The instant whose wall time in this zone reads `local` (wall time expressed as UTC ms). */
	function fromLocal(local: number): number {
		const guess = local - offsetAt(local);
		const corrected = offsetAt(guess);
		return local - corrected;
	}

	function dayStart(n: number): number {
		let t = starts.get(n);
		if (t === undefined) {
			if (starts.size >= MAX_CACHED_DAYS) starts.clear();
			t = fromLocal(n * DAY_MS);
			starts.set(n, t);
		}
		return t;
	}

	return {
		dayStart,
		dayOf(t) {
			// Offsets lie within ±1 day, so the local day is the UTC day or one of its neighbours.
			const n = Math.floor(t / DAY_MS);
			if (t >= dayStart(n + 1)) return n + 1;
			return t >= dayStart(n) ? n : n - 1;
		},
		instantAt(n, minute) {
			const start = dayStart(n);
			const end = dayStart(n + 1);
			// A 24-hour day has one offset throughout: no Intl call needed.
			if (end - start === DAY_MS) return start + minute * MINUTE_MS;
			const t = fromLocal(n * DAY_MS + minute * MINUTE_MS);
			return Math.min(Math.max(t, start), end);
		}
	};
}

/** Returns `t ↦ offset of the zone at t` in ms (local wall time − UTC), read through Intl. */
function offsetReader(timeZone: string): (t: number) => number {
	let format: Intl.DateTimeFormat;
	try {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
	} catch {
		throw new RangeError(
			`Unknown time zone "${timeZone}" (expected an IANA name such as Asia/Jakarta)`
		);
	}
	return (t) => {
		const [y, mo, d, h, mi, sec] = wallClock(format, t);
		return Date.UTC(y, mo - 1, d, h, mi, sec) - Math.floor(t / 1000) * 1000;
	};
}

type WallClock = [year: number, month: number, day: number, h: number, m: number, s: number];

const EN_US = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/;

/** Local wall clock of `t` as [year, month, day, hour, minute, second]. */
function wallClock(format: Intl.DateTimeFormat, t: number): WallClock {
	// `format` + a regex is ~3× faster than formatToParts; the latter covers unusual output.
	const m = EN_US.exec(format.format(t));
	if (m) return [+m[3]!, +m[1]!, +m[2]!, +m[4]!, +m[5]!, +m[6]!];
	const p: Record<string, number> = {};
	for (const part of format.formatToParts(t)) {
		if (part.type !== 'literal') p[part.type] = Number(part.value);
	}
	return [p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!];
}
