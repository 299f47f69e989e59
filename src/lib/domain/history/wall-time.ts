/**
 * Local date-times of another system's export (issue 6 §History import) as instants: the
 * source's named IANA zone, daylight saving included. A wall time that never happened (the
 * hour skipped when clocks jump forward) is refused; one that happened twice (the hour repeated
 * when clocks fall back) is read as its first occurrence, the daylight-saving one.
 */

export const DATE_FORMATS = ['MM/DD/YYYY hh:mm:ss A', 'YYYY-MM-DD HH:mm:ss', 'ISO'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))? ?([AaPp][Mm])$/;
const PLAIN = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

interface Wall {
	y: number;
	mo: number;
	d: number;
	h: number;
	mi: number;
	s: number;
}

function wallOf(text: string, format: DateFormat): Wall | null {
	if (format === 'MM/DD/YYYY hh:mm:ss A') {
		const m = US.exec(text);
		if (!m) return null;
		const h12 = Number(m[4]);
		if (h12 < 1 || h12 > 12) return null;
		const pm = m[7]!.toUpperCase() === 'PM';
		const h = (h12 % 12) + (pm ? 12 : 0);
		return { y: +m[3]!, mo: +m[1]!, d: +m[2]!, h, mi: +m[5]!, s: +(m[6] ?? 0) };
	}
	const m = PLAIN.exec(text);
	return m ? { y: +m[1]!, mo: +m[2]!, d: +m[3]!, h: +m[4]!, mi: +m[5]!, s: +(m[6] ?? 0) } : null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at instant `t`, ms (Intl; throws RangeError on an unknown zone). */
export function offsetAt(timeZone: string, t: number): number {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		formatters.set(timeZone, f);
	}
	const p = Object.fromEntries(f.formatToParts(t).map((x) => [x.type, x.value]));
	const local = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
	return local - Math.floor(t / 1000) * 1000;
}

/** Null when `timeZone` is a zone name Intl knows, else why not. */
export function timeZoneProblem(timeZone: string): string | null {
	try {
		offsetAt(timeZone, 0);
		return null;
	} catch {
		return `unknown time zone "${timeZone}"; use an IANA name such as America/New_York or Asia/Jakarta`;
	}
}

export type WallTimeResult = { ok: true; at: number } | { ok: false; reason: string };

/** The instant of `text` (a local time in `timeZone`, or ISO with an offset). */
export function parseWallTime(text: string, format: DateFormat, timeZone: string): WallTimeResult {
	const value = text.trim();
	if (format === 'ISO') {
		const t = /(Z|[+-]\d{2}:?\d{2})$/.test(value) ? Date.parse(value) : NaN;
		return Number.isNaN(t)
			? { ok: false, reason: `"${value}" is not an ISO 8601 instant with offset` }
			: { ok: true, at: t };
	}
	const w = wallOf(value, format);
	const local = w ? Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) : NaN;
	const back = new Date(local);
	if (
		!w ||
		Number.isNaN(local) ||
		back.getUTCDate() !== w.d ||
		back.getUTCMonth() !== w.mo - 1 ||
		w.mi > 59 ||
		w.s > 59
	)
		return { ok: false, reason: `"${value}" is not a date-time ${format}` };
	// Offsets on either side of any transition near this wall time; keep those that read back.
	const candidates = [
		...new Set([local - 864e5, local + 864e5].map((t) => local - offsetAt(timeZone, t)))
	]
		.filter((t) => t + offsetAt(timeZone, t) === local)
		.sort((a, b) => a - b);
	if (candidates.length === 0)
		return {
			ok: false,
			reason: `"${value}" did not happen in ${timeZone} (clocks jumped forward)`
		};
	return { ok: true, at: candidates[0]! };
}
