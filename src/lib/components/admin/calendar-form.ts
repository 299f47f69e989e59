/**
 * The calendar editor's text fields (sla.md §Business calendar: several intervals per day,
 * dated overrides, holidays as data). A weekday is typed as `07:30-12:00, 13:00-16:30` (empty
 * = closed); an override line as `2026-03-20: 08:00-14:00` (`2026-03-21: -` closes the day).
 * Parsing returns the contract's shapes plus, for each array entry, the form field it came
 * from, so an error from the service (`weekly[3].end`) is shown next to the right field.
 */
import type { CalendarSave } from '$contracts/cases';

export type Interval = { start: string; end: string };
type Weekly = { weekday: number; start: string; end: string };
type Override = { date: string; intervals: Interval[] };

const CLOCK = /^(\d{1,2}):(\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `7:30` → `07:30`; null when not a clock time (24:00 allowed as an end). */
function clock(text: string): string | null {
	const m = CLOCK.exec(text.trim());
	if (!m) return null;
	const h = Number(m[1]);
	const min = Number(m[2]);
	if (min > 59 || h > 24 || (h === 24 && min > 0)) return null;
	return `${String(h).padStart(2, '0')}:${m[2]}`;
}

/** `07:30-12:00, 13:00-16:30` → intervals, or the problem (naming the bad piece). */
export function parseIntervals(text: string): { intervals: Interval[] } | { problem: string } {
	const trimmed = text.trim();
	if (trimmed === '' || trimmed === '-') return { intervals: [] };
	const intervals: Interval[] = [];
	for (const piece of trimmed.split(/[,;]/)) {
		const [from, to, extra] = piece.split(/[-–]/);
		const start = from === undefined ? null : clock(from);
		const end = to === undefined ? null : clock(to);
		if (!start || !end || extra !== undefined || start === '24:00') {
			return { problem: `"${piece.trim()}" must be HH:MM-HH:MM, e.g. 07:30-16:30` };
		}
		intervals.push({ start, end });
	}
	return { intervals };
}

/** Intervals as typed text: `07:30-12:00, 13:00-16:30`; empty when closed. */
export function formatIntervals(intervals: readonly Interval[]): string {
	return intervals.map((iv) => `${iv.start}-${iv.end}`).join(', ');
}

export interface ParsedWeek {
	weekly: Weekly[];
	/** Form field of each `weekly[i]`: `weekly.<weekday>`. */
	fields: string[];
}

/** The seven weekday fields (index 0 = Sunday) → the flat weekly list. */
export function parseWeek(
	days: readonly string[]
): ParsedWeek | { field: string; problem: string } {
	const weekly: Weekly[] = [];
	const fields: string[] = [];
	for (let weekday = 0; weekday < 7; weekday++) {
		const parsed = parseIntervals(days[weekday] ?? '');
		if ('problem' in parsed) return { field: `weekly.${weekday}`, problem: parsed.problem };
		for (const iv of parsed.intervals) {
			weekly.push({ weekday, ...iv });
			fields.push(`weekly.${weekday}`);
		}
	}
	return { weekly, fields };
}

/** The flat weekly list → the seven weekday texts. */
export function formatWeek(weekly: readonly Weekly[]): string[] {
	return Array.from({ length: 7 }, (_, day) =>
		formatIntervals(weekly.filter((w) => w.weekday === day))
	);
}

/** Override lines → overrides; line numbers (1-based) name a bad line. */
export function parseOverrides(text: string): { overrides: Override[] } | { problem: string } {
	const overrides: Override[] = [];
	const lines = text.split('\n').map((l) => l.trim());
	for (const [i, line] of lines.entries()) {
		if (line === '') continue;
		const colon = line.indexOf(':');
		const date = colon < 0 ? line : line.slice(0, colon).trim();
		if (!DATE.test(date) || colon < 0) {
			return {
				problem: `line ${i + 1} "${line}" must be YYYY-MM-DD: HH:MM-HH:MM (or "-" to close)`
			};
		}
		const parsed = parseIntervals(line.slice(colon + 1));
		if ('problem' in parsed) return { problem: `line ${i + 1}: ${parsed.problem}` };
		overrides.push({ date, intervals: parsed.intervals });
	}
	return { overrides };
}

/** Overrides → one line each. */
export function formatOverrides(overrides: readonly Override[]): string {
	return overrides.map((o) => `${o.date}: ${formatIntervals(o.intervals) || '-'}`).join('\n');
}

/**
 * Maps a service error's field (`weekly[3].end`, `overrides[1].intervals[0]`,
 * `holidays[2].date`) to the form field it belongs to.
 */
export function formFieldOf(field: string, week: ParsedWeek, holidayRows: number[]): string {
	const weekly = /^weekly\[(\d+)\]/.exec(field);
	if (weekly) return week.fields[Number(weekly[1])] ?? 'weekly';
	if (field.startsWith('overrides')) return 'overrides';
	const holiday = /^holidays\[(\d+)\]\.?(\w*)/.exec(field);
	if (holiday) {
		const row = holidayRows[Number(holiday[1])];
		return row === undefined ? 'holidays' : `holiday.${row}.${holiday[2] || 'date'}`;
	}
	return field;
}

export type CalendarInput = Omit<CalendarSave, 'actor'> & { actor?: string };
