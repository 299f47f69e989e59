import { describe, expect, it } from 'vitest';
import { meanSeconds, median, nearestRank, percent, round1 } from './stats';

describe('stats', () => {
	it.each([
		{ values: [], p: 90, want: null },
		{ values: [7], p: 90, want: 7 },
		{ values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p: 90, want: 9 },
		{ values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], p: 90, want: 10 },
		{ values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p: 50, want: 5 }
	])('nearest-rank p$p of $values is $want', ({ values, p, want }) => {
		expect(nearestRank(values, p)).toBe(want);
	});

	it.each([
		{ values: [], want: null },
		{ values: [4], want: 4 },
		{ values: [1, 3, 10], want: 3 },
		{ values: [1, 3, 5, 10], want: 4 }
	])('median of $values is $want', ({ values, want }) => {
		expect(median(values)).toBe(want);
	});

	it.each([
		{ part: 1, whole: 3, want: 33.3 },
		{ part: 2, whole: 3, want: 66.7 },
		{ part: 0, whole: 0, want: null },
		{ part: 5, whole: 5, want: 100 }
	])('percent $part/$whole = $want', ({ part, whole, want }) => {
		expect(percent(part, whole)).toBe(want);
	});

	it('means are seconds from milliseconds, one decimal; null without data', () => {
		expect(meanSeconds(12_345 + 10_000, 2)).toBe(11.2);
		expect(meanSeconds(0, 0)).toBeNull();
		expect(round1(2.25)).toBe(2.3);
	});
});
