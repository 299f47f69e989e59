import { describe, it, expect } from 'vitest';
import {
	alwaysOpenCalendar,
	businessMinutes,
	CalendarError,
	dueAt,
	isOpen,
	nextOpening,
	standardCalendar,
	type BusinessCalendar,
	type Holiday
} from './business-calendar';
import { INDONESIA_HOLIDAYS } from './holidays-id';

/** Epoch ms of a WIB wall time `YYYY-MM-DDTHH:MM[:SS]`. */
const wib = (s: string) => Date.parse(`${s}+07:00`);
const holiday = (date: string): Holiday => ({ date, name: 'test', source: 'test', kind: 'other' });

describe('sla.md §Examples (standard calendar)', () => {
	const rows = [
		{ row: 1, opened: '2026-03-06T16:00', target: 120, holidays: [], due: '2026-03-09T09:00' },
		{ row: 2, opened: '2026-03-07T10:00', target: 60, holidays: [], due: '2026-03-09T08:30' },
		{ row: 3, opened: '2026-03-10T16:30:00', target: 30, holidays: [], due: '2026-03-11T08:00' },
		{
			row: 4,
			opened: '2026-08-14T15:00',
			target: 180,
			holidays: ['2026-08-17'],
			due: '2026-08-18T09:00'
		},
		// Row 6: at risk at 80 % of 120 minutes = the instant 96 business minutes are reached.
		{ row: 6, opened: '2026-03-06T16:00', target: 96, holidays: [], due: '2026-03-09T08:36' }
	];
	it.each(rows)('row $row: opened $opened, $target min → $due', (r) => {
		const cal = standardCalendar(r.holidays.map(holiday));
		expect(dueAt(cal, wib(r.opened), r.target)).toBe(wib(r.due));
		expect(businessMinutes(cal, wib(r.opened), wib(r.due))).toBe(r.target);
	});
});

describe('businessMinutes', () => {
	const cal = standardCalendar();
	it.each([
		['a whole weekday', '2026-03-09T00:00', '2026-03-10T00:00', 540],
		['a whole weekend', '2026-03-07T00:00', '2026-03-09T00:00', 0],
		['Friday 16:00 → Monday 08:00', '2026-03-06T16:00', '2026-03-09T08:00', 60],
		['before opening to after closing', '2026-03-09T06:00', '2026-03-09T18:00', 540],
		['outside hours only', '2026-03-09T16:30', '2026-03-10T07:30', 0],
		['one business week', '2026-03-09T07:30', '2026-03-16T07:30', 2700],
		['the last second of the day', '2026-03-10T16:29:59', '2026-03-10T16:30:00', 1 / 60],
		['a second across closing', '2026-03-10T16:29:59', '2026-03-10T16:30:01', 1 / 60],
		['the first second of the day', '2026-03-10T07:29:59', '2026-03-10T07:30:01', 1 / 60]
	])('%s', (_name, a, b, minutes) => {
		expect(businessMinutes(cal, wib(a), wib(b))).toBeCloseTo(minutes, 12);
	});

	it('is 0 for an empty or reversed range', () => {
		expect(businessMinutes(cal, wib('2026-03-09T09:00'), wib('2026-03-09T09:00'))).toBe(0);
		expect(businessMinutes(cal, wib('2026-03-10T09:00'), wib('2026-03-09T09:00'))).toBe(0);
	});

	it('skips a holiday and cuti bersama days', () => {
		const withHolidays = standardCalendar(INDONESIA_HOLIDAYS);
		// Idulfitri 2026: Fri 20 (cuti), Sat 21, Sun 22 (libur), Mon 23, Tue 24 (cuti) → only Wed–Thu.
		const span = businessMinutes(withHolidays, wib('2026-03-20T00:00'), wib('2026-03-27T00:00'));
		expect(span).toBe(2 * 540); // [Fri 20, Fri 27): only Wed 25 and Thu 26 are open
	});

	it('counts two years against a day-by-day count of weekdays', () => {
		const holidays = INDONESIA_HOLIDAYS;
		const closed = new Set(holidays.map((h) => h.date));
		let days = 0;
		for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2028, 0, 1); t += 86_400_000) {
			const wd = new Date(t).getUTCDay();
			if (wd !== 0 && wd !== 6 && !closed.has(new Date(t).toISOString().slice(0, 10))) days++;
		}
		const total = businessMinutes(
			standardCalendar(holidays),
			wib('2026-01-01T00:00'),
			wib('2028-01-01T00:00')
		);
		expect(total).toBe(days * 540);
	});

	it('is wall-clock time on the 24/7 calendar', () => {
		const a = wib('2026-12-31T22:15:30');
		const b = wib('2027-01-02T03:00');
		expect(businessMinutes(alwaysOpenCalendar(), a, b)).toBe((b - a) / 60_000);
	});
});

describe('dueAt', () => {
	const cal = standardCalendar();
	it.each([
		['inside hours, same day', '2026-03-09T08:00', 60, '2026-03-09T09:00'],
		['ends exactly at closing', '2026-03-09T16:00', 30, '2026-03-09T16:30'],
		['one minute past closing rolls over', '2026-03-09T16:00', 31, '2026-03-10T07:31'],
		['Friday afternoon over the weekend', '2026-03-13T15:30', 120, '2026-03-16T08:30'],
		['target 0 inside hours is the start', '2026-03-09T10:00', 0, '2026-03-09T10:00'],
		['target 0 outside hours is the next opening', '2026-03-07T10:00', 0, '2026-03-09T07:30'],
		['target 0 at closing is the next opening', '2026-03-09T16:30', 0, '2026-03-10T07:30'],
		['a second before closing, one second', '2026-03-10T16:29:59', 1 / 60, '2026-03-10T16:30:00'],
		['a second before closing, two seconds', '2026-03-10T16:29:59', 2 / 60, '2026-03-11T07:30:01'],
		[
			'30 business days ahead, ending at a closing',
			'2026-03-09T07:30',
			30 * 540,
			'2026-04-17T16:30'
		],
		['30 business days ahead, mid-morning', '2026-03-09T08:00', 30 * 540, '2026-04-20T08:00']
	])('%s', (_name, start, minutes, due) => {
		expect(dueAt(cal, wib(start), minutes)).toBe(wib(due));
	});

	it('crosses the year end over a holiday (31 Dec → 2 Jan)', () => {
		const cal = standardCalendar([holiday('2026-01-01')]);
		expect(dueAt(cal, wib('2025-12-31T16:00'), 60)).toBe(wib('2026-01-02T08:00'));
	});

	it('crosses the 2026/27 year end with the seeded holidays (Fri 1 Jan 2027 closed)', () => {
		const cal = standardCalendar(INDONESIA_HOLIDAYS);
		expect(dueAt(cal, wib('2026-12-23T16:00'), 90)).toBe(wib('2026-12-28T08:30'));
		expect(dueAt(cal, wib('2026-12-31T16:00'), 60)).toBe(wib('2027-01-04T08:00'));
	});

	it('steps over the Idulfitri 2026 closure', () => {
		const cal = standardCalendar(INDONESIA_HOLIDAYS);
		// Tue 17 Mar 16:00 + 60 min: Wed 18 cuti, Thu 19 Nyepi, Fri 20–Tue 24 closed → Wed 25.
		expect(dueAt(cal, wib('2026-03-17T16:00'), 60)).toBe(wib('2026-03-25T08:00'));
	});

	it('is wall-clock time on the 24/7 calendar', () => {
		const start = wib('2026-03-07T10:00:30');
		expect(dueAt(alwaysOpenCalendar(), start, 3 * 1440 + 0.5)).toBe(
			start + 3 * 86_400_000 + 30_000
		);
	});

	it('returns null when the calendar has no business time', () => {
		const closed: BusinessCalendar = { ...standardCalendar(), weekly: Array(7).fill([]) };
		expect(dueAt(closed, wib('2026-03-09T08:00'), 60)).toBeNull();
		expect(nextOpening(closed, wib('2026-03-09T08:00'))).toBeNull();
	});

	it('returns null beyond the ten-year search limit', () => {
		expect(dueAt(cal, wib('2026-03-09T08:00'), 540 * 261 * 11)).toBeNull();
	});

	it('rejects a negative or non-finite target', () => {
		expect(() => dueAt(cal, wib('2026-03-09T08:00'), -1)).toThrow(/target must be/);
		expect(() => dueAt(cal, wib('2026-03-09T08:00'), Number.NaN)).toThrow(/target must be/);
		expect(() => dueAt(cal, Number.NaN, 10)).toThrow(/start must be a finite/);
	});
});

describe('override days', () => {
	// Thu 2026-03-12 with a midday break: 08:00–12:00 and 13:00–16:00 (420 minutes).
	const cal: BusinessCalendar = {
		...standardCalendar(),
		overrides: {
			'2026-03-12': [
				[780, 960],
				[480, 720]
			],
			'2026-03-14': [[540, 600]]
		}
	};
	it('counts both intervals and not the break', () => {
		expect(businessMinutes(cal, wib('2026-03-12T00:00'), wib('2026-03-13T00:00'))).toBe(420);
		expect(businessMinutes(cal, wib('2026-03-12T10:00'), wib('2026-03-12T14:00'))).toBe(180);
	});
	it('resumes the clock after the break', () => {
		expect(dueAt(cal, wib('2026-03-12T11:30'), 60)).toBe(wib('2026-03-12T13:30'));
		expect(dueAt(cal, wib('2026-03-12T12:15'), 0)).toBe(wib('2026-03-12T13:00'));
	});
	it('opens a Saturday that has an override', () => {
		expect(isOpen(cal, wib('2026-03-14T09:30'))).toBe(true);
		expect(dueAt(cal, wib('2026-03-13T16:00'), 60)).toBe(wib('2026-03-14T09:30'));
	});
	it('stays closed on a holiday even with an override', () => {
		const both: BusinessCalendar = { ...cal, holidays: [holiday('2026-03-12')] };
		expect(businessMinutes(both, wib('2026-03-12T00:00'), wib('2026-03-13T00:00'))).toBe(0);
	});
	it('applies Ramadan hours for a date range', () => {
		const ramadan: Record<string, [number, number][]> = {};
		for (let d = 16; d <= 20; d++) ramadan[`2026-02-${d}`] = [[480, 900]]; // 08:00–15:00
		const r: BusinessCalendar = { ...standardCalendar(), overrides: ramadan };
		expect(businessMinutes(r, wib('2026-02-16T00:00'), wib('2026-02-23T00:00'))).toBe(5 * 420);
	});
});

describe('isOpen and nextOpening', () => {
	const cal = standardCalendar([holiday('2026-08-17')]);
	it.each([
		['2026-03-09T07:30:00', true],
		['2026-03-09T07:29:59', false],
		['2026-03-09T16:29:59', true],
		['2026-03-09T16:30:00', false],
		['2026-03-07T10:00', false],
		['2026-08-17T10:00', false]
	])('%s → %s', (t, open) => {
		expect(isOpen(cal, wib(t))).toBe(open);
	});
	it.each([
		['2026-03-09T10:00', '2026-03-09T10:00'],
		['2026-03-07T10:00', '2026-03-09T07:30'],
		['2026-03-09T16:30', '2026-03-10T07:30'],
		['2026-08-15T10:00', '2026-08-18T07:30']
	])('next opening from %s is %s', (t, next) => {
		expect(nextOpening(cal, wib(t))).toBe(wib(next));
	});
});

describe('time zones other than WIB', () => {
	const berlin247: BusinessCalendar = { ...alwaysOpenCalendar(), timeZone: 'Europe/Berlin' };
	const berlinOffice: BusinessCalendar = { ...standardCalendar(), timeZone: 'Europe/Berlin' };
	it('has a 23-hour local day at the spring-forward (Berlin, Sun 2026-03-29)', () => {
		const a = Date.parse('2026-03-29T00:00:00+01:00');
		const b = Date.parse('2026-03-30T00:00:00+02:00');
		expect(businessMinutes(berlin247, a, b)).toBe(23 * 60);
	});
	it('keeps 07:30 local on both sides of the change', () => {
		expect(nextOpening(berlinOffice, Date.parse('2026-03-27T17:00:00+01:00'))).toBe(
			Date.parse('2026-03-30T07:30:00+02:00')
		);
		expect(dueAt(berlinOffice, Date.parse('2026-10-23T16:00:00+02:00'), 60)).toBe(
			Date.parse('2026-10-26T08:00:00+01:00')
		);
	});
	it('uses the zone of a fixed-offset calendar (WIT, UTC+9)', () => {
		const wit: BusinessCalendar = { ...standardCalendar(), timeZone: 'Asia/Jayapura' };
		expect(nextOpening(wit, wib('2026-03-09T05:00'))).toBe(Date.parse('2026-03-09T07:30:00+09:00'));
	});
});

describe('calendar validation', () => {
	it.each([
		[{ timeZone: 'Asia/Atlantis' }, /Unknown time zone "Asia\/Atlantis"/],
		[{ weekly: [[]] }, /7 weekdays/],
		[{ weekly: [[[600, 540]], [], [], [], [], [], []] }, /weekday 0: \[600, 540\)/],
		[{ weekly: [[[0, 1441]], [], [], [], [], [], []] }, /≤ 1440/],
		[
			{
				weekly: [
					[
						[0, 600],
						[500, 700]
					],
					[],
					[],
					[],
					[],
					[],
					[]
				]
			},
			/overlaps/
		],
		[{ overrides: { '2026-02-30': [] } }, /override date "2026-02-30"/],
		[{ holidays: [holiday('26-01-01')] }, /holiday date "26-01-01"/]
	])('rejects %o', (patch, message) => {
		const cal = { ...standardCalendar(), ...patch } as BusinessCalendar;
		expect(() => businessMinutes(cal, 0, 1)).toThrow(CalendarError);
		expect(() => businessMinutes(cal, 0, 1)).toThrow(message);
	});
	it('merges touching intervals', () => {
		const cal: BusinessCalendar = {
			...standardCalendar(),
			weekly: Array(7).fill([
				[0, 720],
				[720, 1440]
			])
		};
		expect(businessMinutes(cal, wib('2026-03-09T11:00'), wib('2026-03-09T13:00'))).toBe(120);
	});
});
