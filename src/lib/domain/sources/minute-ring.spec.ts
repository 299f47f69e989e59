import { describe, expect, it } from 'vitest';
import { MinuteRing, RING_MINUTES } from './minute-ring';

const T0 = Date.parse('2026-03-09T10:00:00+07:00');
const M = 60_000;

describe('MinuteRing', () => {
	it.each([
		{
			name: 'events of the current minute',
			adds: [0, 10_000, 59_999],
			now: 59_999,
			window: 1,
			sum: 3
		},
		{
			name: 'the previous minute is outside a 1-minute window',
			adds: [0],
			now: M,
			window: 1,
			sum: 0
		},
		{ name: '15 minutes back, inclusive', adds: [0, 14 * M], now: 14 * M + 5, window: 15, sum: 2 },
		{ name: 'the 16th minute back is outside', adds: [0, 14 * M], now: 15 * M, window: 15, sum: 1 },
		{ name: 'a future minute is not counted yet', adds: [2 * M], now: M, window: 15, sum: 0 }
	])('$name', ({ adds, now, window, sum }) => {
		const ring = new MinuteRing();
		for (const at of adds) ring.add(T0 + at);
		expect(ring.sum(T0 + now, window)).toBe(sum);
	});

	it('reuses a slot for a new minute an hour later, forgetting the old count', () => {
		const ring = new MinuteRing();
		ring.add(T0, 5);
		ring.add(T0 + RING_MINUTES * M, 2);
		expect(ring.sum(T0 + RING_MINUTES * M, RING_MINUTES)).toBe(2);
	});

	it('ignores an instant older than the minute its slot already holds', () => {
		const ring = new MinuteRing();
		ring.add(T0 + RING_MINUTES * M);
		ring.add(T0, 7);
		expect(ring.sum(T0 + RING_MINUTES * M, RING_MINUTES)).toBe(1);
	});

	it('gives a rate per minute over the window, to two decimals', () => {
		const ring = new MinuteRing();
		for (let i = 0; i < 10; i++) ring.add(T0 + i * M, 3);
		expect(ring.perMinute(T0 + 14 * M, 15)).toBe(2);
		ring.add(T0 + 14 * M);
		expect(ring.perMinute(T0 + 14 * M, 15)).toBe(2.07);
	});

	it.each([0, 61, 1.5])('refuses a window of %s minutes', (minutes) => {
		expect(() => new MinuteRing().sum(T0, minutes)).toThrow(/minutes must be a whole number/);
	});

	it('refuses an instant that is not finite', () => {
		expect(() => new MinuteRing().add(Number.NaN)).toThrow(/finite/);
	});
});
