import { describe, it, expect } from 'vitest';
import { dataAgeMs, indicatorState, isStale, observedClockLag } from './freshness';

const AS_OF = Date.parse('2026-03-24T10:00:00+07:00');

describe('isStale', () => {
	it.each([
		{ connection: 'live', age: 0, stale: false },
		{ connection: 'live', age: 10_000, stale: false },
		{ connection: 'live', age: 10_001, stale: true },
		{ connection: 'connecting', age: 3_000, stale: false },
		{ connection: 'connecting', age: 12_000, stale: true },
		{ connection: 'offline', age: 0, stale: true },
		{ connection: 'live', age: Number.NaN, stale: true }
	] as const)('$connection with data $age ms old → stale $stale', ({ connection, age, stale }) => {
		expect(isStale(connection, age)).toBe(stale);
	});
});

describe('indicatorState', () => {
	it.each([
		{ connection: 'live', stale: false, state: 'live' },
		{ connection: 'live', stale: true, state: 'stale' },
		{ connection: 'connecting', stale: false, state: 'connecting' },
		{ connection: 'connecting', stale: true, state: 'stale' },
		{ connection: 'offline', stale: true, state: 'offline' }
	] as const)('$connection, stale $stale → $state', ({ connection, stale, state }) => {
		expect(indicatorState(connection, stale)).toBe(state);
	});
});

describe('clock lag', () => {
	it('corrects a browser clock that runs behind the server', () => {
		const lag = observedClockLag(0, AS_OF - 30_000, AS_OF);
		expect(lag).toBe(30_000);
		expect(dataAgeMs(AS_OF - 30_000 + 11_000, AS_OF, lag)).toBe(11_000);
	});

	it('does not hide old data when the browser clock runs ahead', () => {
		const lag = observedClockLag(0, AS_OF + 20_000, AS_OF);
		expect(lag).toBe(0);
		expect(dataAgeMs(AS_OF + 20_000, AS_OF, lag)).toBe(20_000);
	});

	it('keeps the largest lag seen', () => {
		expect(observedClockLag(5_000, AS_OF, AS_OF + 1_000)).toBe(5_000);
	});
});
