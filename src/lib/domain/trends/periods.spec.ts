import { describe, expect, it } from 'vitest';
import {
	nextPeriod,
	periodLabel,
	periodStart,
	periodsIn,
	previousRange,
	wibWeekday
} from './periods';

const t = (iso: string) => Date.parse(iso);

describe('WIB periods', () => {
	it.each([
		['2025-03-31T16:59:59Z', 'day', '2025-03-31'],
		['2025-03-31T17:00:00Z', 'day', '2025-04-01'],
		['2025-03-31T16:59:59Z', 'month', '2025-03'],
		['2025-03-31T17:00:00Z', 'month', '2025-04'],
		['2025-03-31T17:00:00Z', 'hour', '2025-04-01 00:00'],
		['2025-03-31T16:59:59Z', 'hour', '2025-03-31 23:00'],
		// Sunday 23:59 WIB is in the week of Monday 24 March; Monday 00:00 WIB starts the next.
		['2025-03-30T16:59:59Z', 'week', '2025-03-24'],
		['2025-03-30T17:00:00Z', 'week', '2025-03-31']
	] as const)('%s falls in the %s period %s', (at, g, label) => {
		expect(periodLabel(periodStart(t(at), g), g)).toBe(label);
	});

	it('a month holds exactly its WIB days, 00:00 WIB of the 1st to 00:00 WIB of the next 1st', () => {
		const march = periodStart(t('2025-03-15T00:00:00Z'), 'month');
		expect(march).toBe(t('2025-03-01T00:00:00+07:00'));
		expect(nextPeriod(march, 'month')).toBe(t('2025-04-01T00:00:00+07:00'));
		const days = periodsIn(march, nextPeriod(march, 'month'), 'day');
		expect(days).toHaveLength(31);
		expect(periodLabel(days[0]!, 'day')).toBe('2025-03-01');
		expect(periodLabel(days[30]!, 'day')).toBe('2025-03-31');
	});

	it('December rolls into January of the next year', () => {
		const dec = t('2025-12-01T00:00:00+07:00');
		expect(nextPeriod(dec, 'month')).toBe(t('2026-01-01T00:00:00+07:00'));
	});

	it('periods of a range start at the period holding `from` and stop before `to`', () => {
		const from = t('2025-03-05T00:00:00+07:00');
		const to = t('2025-05-02T00:00:00+07:00');
		expect(periodsIn(from, to, 'month').map((p) => periodLabel(p, 'month'))).toEqual([
			'2025-03',
			'2025-04',
			'2025-05'
		]);
		expect(periodsIn(from, from + 3 * 3_600_000, 'hour')).toHaveLength(3);
	});

	it('weekdays are ISO (Monday 0) in WIB', () => {
		expect(wibWeekday(t('2025-03-30T16:59:59Z'))).toBe(6);
		expect(wibWeekday(t('2025-03-30T17:00:00Z'))).toBe(0);
	});

	it('the previous range is as long and ends where the range starts', () => {
		expect(previousRange(100, 250)).toEqual({ from: -50, to: 100 });
	});
});
