/**
 * The wall's "source silent" warning (issue 4 §6): what a `sources:silent` fact shows, with
 * the minutes grown on the wall's own clock since it arrived (the server sends a new fact only
 * when the set of silent sources changes). Longest silence first; a few names, then "+N".
 */
import type { SilentSourceV1 } from '../contracts/sources';

export interface SilentLine {
	source: string;
	minutes: number;
}

/** At most this many names on the wall; the rest are counted. */
export const MAX_NAMED = 3;

export function silentLines(
	silent: readonly SilentSourceV1[],
	receivedAt: number,
	now: number
): { lines: SilentLine[]; more: number } {
	const grown = Math.max(0, Math.floor((now - receivedAt) / 60_000));
	const lines = silent
		.map((s) => ({ source: s.source, minutes: s.silentMinutes + grown }))
		.sort((a, b) => b.minutes - a.minutes || a.source.localeCompare(b.source));
	return { lines: lines.slice(0, MAX_NAMED), more: Math.max(0, lines.length - MAX_NAMED) };
}
