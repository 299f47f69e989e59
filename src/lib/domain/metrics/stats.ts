/** Rounding and order statistics shared by the figures (metrics.md: rates %, durations s). */

/** Rounded to one decimal (rates in %, durations in s or min). */
export function round1(value: number): number {
	return Math.round(value * 10) / 10;
}

/** part ÷ whole × 100, one decimal; null when the denominator is 0. */
export function percent(part: number, whole: number): number | null {
	return whole > 0 ? round1((part / whole) * 100) : null;
}

/** Mean of a millisecond sum in seconds, one decimal; null when there is nothing to average. */
export function meanSeconds(sumMs: number, count: number): number | null {
	return count > 0 ? round1(sumMs / count / 1000) : null;
}

/**
 * Nearest-rank percentile of ascending values: the value at rank ⌈p/100 × n⌉ (1-based), so the
 * p90 of 10 values is the 9th and of 11 values the 10th. Null for no values.
 */
export function nearestRank(sorted: readonly number[], p: number): number | null {
	if (sorted.length === 0) return null;
	const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
	return sorted[rank - 1]!;
}

/** Median of ascending values: the middle one, or the mean of the two middle ones. */
export function median(sorted: readonly number[]): number | null {
	const n = sorted.length;
	if (n === 0) return null;
	const mid = n >> 1;
	return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
