/**
 * Indonesia's hari libur nasional and cuti bersama for 2026 and 2027, as seed data for the
 * calendar table (sla.md §Business calendar: holidays are data, each with name and source; the
 * database copy, edited by an administrator, is the truth).
 *
 * Why not the `date-holidays` package: for ID it dates Idulfitri 2026 and 2027, Iduladha 2027,
 * Maulid 2027 and the second Isra Mikraj of 2027 one day early, starts Islamic holidays at
 * 18:00 of the previous evening, labels Isra Mikraj "Maulid Nabi", omits Paskah, and has no
 * cuti bersama at all.
 */
import type { Holiday, HolidayKind } from './types';

export const SKB_2026 =
	'SKB Menteri Agama No. 1497/2025, Menteri Ketenagakerjaan No. 2/2025, Menteri PANRB No. 5/2025 ' +
	'tentang Hari Libur Nasional dan Cuti Bersama Tahun 2026 (19 September 2025)';

/**
 * The 2027 decree as transcribed by two independent public sources that agree on every date;
 * the decree text itself was not read: verify against the SKB before relying on it.
 */
export const SKB_2027 =
	'SKB Menteri Agama No. 1205/2026, Menteri Ketenagakerjaan No. 3/2026, Menteri PANRB No. 2/2026 ' +
	'tentang Hari Libur Nasional dan Cuti Bersama Tahun 2027 (15 September 2026) — ' +
	'from secondary transcriptions, verify against the SKB';

type Row = readonly [date: string, kind: 'L' | 'C', name: string];

const KIND: Record<Row[1], HolidayKind> = { L: 'national', C: 'cuti_bersama' };

// 17 hari libur nasional + 8 cuti bersama.
const Y2026: Row[] = [
	['2026-01-01', 'L', 'Tahun Baru 2026 Masehi'],
	['2026-01-16', 'L', 'Isra Mikraj Nabi Muhammad S.A.W.'],
	['2026-02-16', 'C', 'Cuti Bersama Tahun Baru Imlek 2577 Kongzili'],
	['2026-02-17', 'L', 'Tahun Baru Imlek 2577 Kongzili'],
	['2026-03-18', 'C', 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)'],
	['2026-03-19', 'L', 'Hari Suci Nyepi (Tahun Baru Saka 1948)'],
	['2026-03-20', 'C', 'Cuti Bersama Idulfitri 1447 Hijriah'],
	['2026-03-21', 'L', 'Idulfitri 1447 Hijriah'],
	['2026-03-22', 'L', 'Idulfitri 1447 Hijriah'],
	['2026-03-23', 'C', 'Cuti Bersama Idulfitri 1447 Hijriah'],
	['2026-03-24', 'C', 'Cuti Bersama Idulfitri 1447 Hijriah'],
	['2026-04-03', 'L', 'Wafat Yesus Kristus'],
	['2026-04-05', 'L', 'Kebangkitan Yesus Kristus (Paskah)'],
	['2026-05-01', 'L', 'Hari Buruh Internasional'],
	['2026-05-14', 'L', 'Kenaikan Yesus Kristus'],
	['2026-05-15', 'C', 'Cuti Bersama Kenaikan Yesus Kristus'],
	['2026-05-27', 'L', 'Iduladha 1447 Hijriah'],
	['2026-05-28', 'C', 'Cuti Bersama Iduladha 1447 Hijriah'],
	['2026-05-31', 'L', 'Hari Raya Waisak 2570 BE'],
	['2026-06-01', 'L', 'Hari Lahir Pancasila'],
	['2026-06-16', 'L', '1 Muharam Tahun Baru Islam 1448 Hijriah'],
	['2026-08-17', 'L', 'Proklamasi Kemerdekaan'],
	['2026-08-25', 'L', 'Maulid Nabi Muhammad S.A.W.'],
	['2026-12-24', 'C', 'Cuti Bersama Kelahiran Yesus Kristus'],
	['2026-12-25', 'L', 'Kelahiran Yesus Kristus']
];

// 18 hari libur nasional (Isra Mikraj falls twice: 1448 H and 1449 H) + 8 cuti bersama.
const Y2027: Row[] = [
	['2027-01-01', 'L', 'Tahun Baru 2027 Masehi'],
	['2027-01-05', 'L', 'Isra Mikraj Nabi Muhammad S.A.W. (1448 H)'],
	['2027-02-05', 'C', 'Cuti Bersama Tahun Baru Imlek 2578 Kongzili'],
	['2027-02-06', 'L', 'Tahun Baru Imlek 2578 Kongzili'],
	['2027-03-08', 'L', 'Hari Suci Nyepi (Tahun Baru Saka 1949)'],
	['2027-03-09', 'C', 'Cuti Bersama Idulfitri 1448 Hijriah'],
	['2027-03-10', 'L', 'Idulfitri 1448 Hijriah'],
	['2027-03-11', 'L', 'Idulfitri 1448 Hijriah'],
	['2027-03-12', 'C', 'Cuti Bersama Idulfitri 1448 Hijriah'],
	['2027-03-15', 'C', 'Cuti Bersama Idulfitri 1448 Hijriah'],
	['2027-03-25', 'C', 'Cuti Bersama Wafat Yesus Kristus'],
	['2027-03-26', 'L', 'Wafat Yesus Kristus'],
	['2027-03-28', 'L', 'Kebangkitan Yesus Kristus (Paskah)'],
	['2027-05-01', 'L', 'Hari Buruh Internasional'],
	['2027-05-06', 'L', 'Kenaikan Yesus Kristus'],
	['2027-05-17', 'L', 'Iduladha 1448 Hijriah'],
	['2027-05-18', 'C', 'Cuti Bersama Iduladha 1448 Hijriah'],
	['2027-05-19', 'C', 'Cuti Bersama Hari Raya Waisak 2571 BE'],
	['2027-05-20', 'L', 'Hari Raya Waisak 2571 BE'],
	['2027-06-01', 'L', 'Hari Lahir Pancasila'],
	['2027-06-06', 'L', '1 Muharam Tahun Baru Islam 1449 Hijriah'],
	['2027-08-15', 'L', 'Maulid Nabi Muhammad S.A.W.'],
	['2027-08-17', 'L', 'Proklamasi Kemerdekaan'],
	['2027-12-24', 'C', 'Cuti Bersama Kelahiran Yesus Kristus'],
	['2027-12-25', 'L', 'Kelahiran Yesus Kristus'],
	['2027-12-26', 'L', 'Isra Mikraj Nabi Muhammad S.A.W. (1449 H)']
];

function toHolidays(rows: Row[], source: string): Holiday[] {
	return rows.map(([date, kind, name]) => ({ date, name, source, kind: KIND[kind] }));
}

/** 2026 and 2027, in date order. */
export const INDONESIA_HOLIDAYS: readonly Holiday[] = [
	...toHolidays(Y2026, SKB_2026),
	...toHolidays(Y2027, SKB_2027)
];

/** The seeded entries of one year (empty for a year without seed data). */
export function indonesiaHolidays(year: number): Holiday[] {
	return INDONESIA_HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`));
}
