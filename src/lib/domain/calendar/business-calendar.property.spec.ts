import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
	alwaysOpenCalendar,
	businessMinutes,
	businessMs,
	dueAt,
	type BusinessCalendar,
	type MinuteInterval
} from './business-calendar';

const MIN = 60_000;
const WIB = 7 * 3_600_000;
const FROM = Date.parse('2026-02-01T00:00:00+07:00');
const SPAN_DAYS = 90;

/** Local date `YYYY-MM-DD` of the day `i` days after FROM. */
const dateAt = (i: number) => new Date(FROM + WIB + i * 86_400_000).toISOString().slice(0, 10);

/** One day's intervals from distinct sorted cut points, paired up. */
const dayArb: fc.Arbitrary<MinuteInterval[]> = fc
	.uniqueArray(fc.integer({ min: 0, max: 1440 }), { maxLength: 6 })
	.map((cuts) => {
		const s = [...cuts].sort((a, b) => a - b);
		const out: MinuteInterval[] = [];
		for (let i = 0; i + 1 < s.length; i += 2) out.push([s[i]!, s[i + 1]!]);
		return out;
	});

/** Random WIB calendars: weekly hours, a few overrides and holidays inside the test window. */
const calendarArb: fc.Arbitrary<BusinessCalendar> = fc
	.record({
		weekly: fc.array(dayArb, { minLength: 7, maxLength: 7 }),
		overrides: fc.array(fc.tuple(fc.integer({ min: 0, max: SPAN_DAYS }), dayArb), { maxLength: 6 }),
		holidays: fc.array(fc.integer({ min: 0, max: SPAN_DAYS }), { maxLength: 6 })
	})
	.map((r) => ({
		id: 'random',
		name: 'random',
		timeZone: 'Asia/Jakarta',
		weekly: r.weekly,
		overrides: Object.fromEntries(r.overrides.map(([i, day]) => [dateAt(i), day])),
		holidays: r.holidays.map((i) => ({ date: dateAt(i), name: 'h', source: 't', kind: 'other' }))
	}));

/** Instants to the second inside the window. */
const instantArb = fc
	.integer({ min: 0, max: (SPAN_DAYS - 10) * 86_400 })
	.map((s) => FROM + s * 1000);

/** Slow reference: is the whole minute starting at `t` business time? Reads the data directly. */
function openMinute(cal: BusinessCalendar, t: number): boolean {
	const local = new Date(t + WIB);
	const date = local.toISOString().slice(0, 10);
	if (cal.holidays.some((h) => h.date === date)) return false;
	const day = cal.overrides[date] ?? cal.weekly[local.getUTCDay()]!;
	const m = local.getUTCHours() * 60 + local.getUTCMinutes();
	return day.some(([s, e]) => s <= m && m < e);
}

/** Slow reference of businessMs, stepping minute by minute. */
function referenceMs(cal: BusinessCalendar, a: number, b: number): number {
	let sum = 0;
	for (let m = Math.floor(a / MIN) * MIN; m < b; m += MIN) {
		if (openMinute(cal, m)) sum += Math.min(b, m + MIN) - Math.max(a, m);
	}
	return sum;
}

/**
 * Why `dueAt` may answer null: the calendar never holds the target within ten years; for a
 * zero target (due at the next opening) that means it never opens again.
 */
function unreachable(cal: BusinessCalendar, s: number, sec: number): boolean {
	const total = businessMs(cal, s, s + 3653 * 86_400_000);
	return sec === 0 ? total === 0 : total < sec * 1000;
}

/** The counterexample fast-check found: a calendar that never opens, a zero target. */
const NEVER_OPEN: BusinessCalendar = {
	id: 'random',
	name: 'random',
	timeZone: 'Asia/Jakarta',
	weekly: [[], [], [], [], [], [], []],
	overrides: {},
	holidays: []
};
const NEVER_OPEN_AT = 1769878800000;

describe('business calendar properties', () => {
	it('a zero target on a calendar that never opens has no due instant (found by the property)', () => {
		const closed = NEVER_OPEN;
		const s = NEVER_OPEN_AT;
		expect(dueAt(closed, s, 0)).toBeNull();
		expect(unreachable(closed, s, 0)).toBe(true);
		expect(dueAt(alwaysOpenCalendar(), s, 0)).toBe(s);
	});

	it('agrees with a minute-stepping reference on ranges up to 10 days', () => {
		fc.assert(
			fc.property(
				calendarArb,
				instantArb,
				fc.integer({ min: 0, max: 10 * 86_400 }),
				(cal, a, len) => {
					const b = a + len * 1000;
					expect(businessMs(cal, a, b)).toBe(referenceMs(cal, a, b));
				}
			),
			{ numRuns: 100 }
		);
	});

	it('reaches the target exactly, and no earlier: businessMinutes(s, dueAt(s, m)) = m', () => {
		fc.assert(
			fc.property(
				calendarArb,
				instantArb,
				fc.integer({ min: 0, max: 20_000 * 60 }),
				(cal, s, sec) => {
					const m = sec / 60;
					const d = dueAt(cal, s, m);
					if (d === null) {
						// Not `return expect(…)`: fast-check fails a property returning anything but true.
						expect(unreachable(cal, s, sec)).toBe(true);
						return;
					}
					expect(businessMinutes(cal, s, d)).toBeCloseTo(m, 9);
					expect(businessMs(cal, s, d)).toBe(sec * 1000);
					if (m > 0) expect(businessMs(cal, s, d - 1)).toBeLessThan(sec * 1000);
				}
			),
			{ numRuns: 300, examples: [[NEVER_OPEN, NEVER_OPEN_AT, 0]] }
		);
	});

	it('is additive: bm(a, b) + bm(b, c) = bm(a, c)', () => {
		fc.assert(
			fc.property(calendarArb, fc.array(instantArb, { minLength: 3, maxLength: 3 }), (cal, xs) => {
				const [a, b, c] = [...xs].sort((x, y) => x - y) as [number, number, number];
				expect(businessMs(cal, a, b) + businessMs(cal, b, c)).toBe(businessMs(cal, a, c));
			}),
			{ numRuns: 300 }
		);
	});

	it('is monotonic in both the end instant and the target', () => {
		fc.assert(
			fc.property(
				calendarArb,
				instantArb,
				fc.nat(40 * 86_400),
				fc.nat(40 * 86_400),
				(cal, a, x, y) => {
					const [p, q] = x <= y ? [x, y] : [y, x];
					expect(businessMs(cal, a, a + p * 1000)).toBeLessThanOrEqual(
						businessMs(cal, a, a + q * 1000)
					);
					const dp = dueAt(cal, a, p / 60);
					const dq = dueAt(cal, a, q / 60);
					if (dp !== null && dq !== null) expect(dp).toBeLessThanOrEqual(dq);
					if (dp === null) expect(dq).toBeNull();
				}
			),
			{ numRuns: 300 }
		);
	});

	it('counts real elapsed time on a 24/7 calendar in any zone, across DST changes', () => {
		const zones = ['Asia/Jakarta', 'Europe/Berlin', 'America/Santiago', 'Australia/Lord_Howe'];
		fc.assert(
			fc.property(
				fc.constantFrom(...zones),
				fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
				fc.nat(800 * 86_400_000),
				(timeZone, a, len) => {
					const cal = { ...alwaysOpenCalendar(), timeZone };
					expect(businessMs(cal, a, a + len)).toBe(len);
					expect(dueAt(cal, a, len / MIN)).toBe(a + len);
				}
			),
			{ numRuns: 200 }
		);
	});
});
