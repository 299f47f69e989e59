import { describe, it, expect } from 'vitest';
import { INDONESIA_HOLIDAYS, indonesiaHolidays, SKB_2026, SKB_2027 } from './holidays-id';
import { dayNumber } from './compile';

const find = (date: string) => INDONESIA_HOLIDAYS.filter((h) => h.date === date);

describe('Indonesian holidays 2026–2027 (SKB 3 Menteri)', () => {
	it.each([
		['2026-01-01', 'national', /Tahun Baru 2026/],
		['2026-08-17', 'national', /Proklamasi Kemerdekaan/],
		['2026-12-25', 'national', /Kelahiran Yesus Kristus/],
		['2026-12-24', 'cuti_bersama', /Cuti Bersama/],
		['2026-03-21', 'national', /Idulfitri 1447/],
		['2027-01-01', 'national', /Tahun Baru 2027/],
		['2027-08-17', 'national', /Proklamasi Kemerdekaan/],
		['2027-12-25', 'national', /Kelahiran Yesus Kristus/]
	])('%s is a %s day', (date, kind, name) => {
		const [entry, ...rest] = find(date);
		expect(rest).toEqual([]);
		expect(entry?.kind).toBe(kind);
		expect(entry?.name).toMatch(name);
	});

	it('counts 17 + 8 days for 2026 and 18 + 8 for 2027, as the decrees do', () => {
		const count = (year: number, kind: string) =>
			indonesiaHolidays(year).filter((h) => h.kind === kind).length;
		expect([count(2026, 'national'), count(2026, 'cuti_bersama')]).toEqual([17, 8]);
		expect([count(2027, 'national'), count(2027, 'cuti_bersama')]).toEqual([18, 8]);
	});

	it('gives every entry a real date, a name and its decree as source', () => {
		for (const h of INDONESIA_HOLIDAYS) {
			expect(dayNumber(h.date), h.date).not.toBeNull();
			expect(h.name.trim().length, h.date).toBeGreaterThan(3);
			expect(h.source, h.date).toBe(h.date.startsWith('2026') ? SKB_2026 : SKB_2027);
		}
	});

	it('lists each date once, in order', () => {
		const dates = INDONESIA_HOLIDAYS.map((h) => h.date);
		expect(dates).toEqual([...new Set(dates)].sort());
	});

	it('flags the 2027 source as transcribed, to verify against the decree', () => {
		expect(SKB_2027).toMatch(/verify against the SKB/);
	});
});
