/**
 * issue 6 §Exports, XLSX: workbooks made by the real export services (the trend view through
 * the harness's `/trends/export`, the case audit through `casesAuditExport`), unzipped and read
 * cell by cell — Indonesian column labels, WIB timestamps, one row per period × group or per
 * case, numbers as numbers, a phone number as the very text `+6281234567890` in a text cell,
 * and formula-looking names (`=1+1`, `@SUM(A1)`, `-2+3`) as prefixed text, never formulas.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, reassignCase, saveAgent, saveTeam } from '../../src/lib/server/services/cases';
import { casesAuditExport } from '../../src/lib/server/services/trends/case-audit';
import { readXlsx, valuesOf, type XlsxCell, type XlsxSheet } from '../support/xlsx-read';
import { aCaseBody } from './cases-client';
import { startTestServer, type TestServer } from './harness';
import { AUDIT_HEADER } from '../support/audit-export';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const STAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** The row whose first cell is `label` (the header after the caption lines). */
function headerIndex(sheet: XlsxSheet, label: string): number {
	const i = sheet.rows.findIndex((r) => r[0]?.value === label);
	expect(i, `header row starting "${label}"`).toBeGreaterThan(0);
	return i;
}

const allCells = (sheet: XlsxSheet) => sheet.rows.flat().filter((c): c is XlsxCell => c !== null);

/** No cell of the workbook is a formula, and every string cell is typed text (`@`). */
function expectInert(sheets: XlsxSheet[]): void {
	for (const sheet of sheets) {
		for (const c of allCells(sheet)) {
			expect(c.formula, `${sheet.name}!${c.ref} formula`).toBeNull();
			expect(['s', 'inlineStr', 'n'], `${sheet.name}!${c.ref} type`).toContain(c.type);
			if (c.type !== 'n') expect(c.format, `${sheet.name}!${c.ref} format`).toBe('@');
		}
	}
}

describe('XLSX exports, unzipped', () => {
	const clock = { t: Date.parse('2026-04-08T02:15:00Z'), now: () => clock.t };
	let s: TestServer;
	const numbers: string[] = [];
	beforeAll(async () => {
		s = await startTestServer('pglite', clock);
		const c = s.container;
		// Names an administrator typed: a hotline team named by its number, formula-like others.
		await saveTeam(c, { id: 'hotline', name: '+6281234567890' });
		await saveTeam(c, { id: 'rumus', name: '=1+1' });
		await saveAgent(c, { id: 'agen-sum', name: '@SUM(A1)', teamIds: ['rumus'] });
		await saveAgent(c, { id: 'agen-minus', name: '-2+3', teamIds: ['hotline'] });
		const at = [
			'2026-04-08T02:15:00Z', // 09:15:00 WIB, 8 April
			'2026-04-08T16:59:59Z', // 23:59:59 WIB, 8 April
			'2026-04-08T17:00:00Z' // 00:00:00 WIB, 9 April: outside an export of 8 April
		];
		const targets = [
			{ teamId: 'hotline' },
			{ assigneeId: 'agen-sum' },
			{ assigneeId: 'agen-minus' }
		];
		for (const [i, t] of at.entries()) {
			clock.t = Date.parse(t);
			const kase = await createCase(c, aCaseBody({ subject: `kasus ${i}` }), 'api');
			clock.t += 60_000;
			await reassignCase(c, kase.id, {
				...targets[i],
				reason: 'uji ekspor',
				expectedVersion: kase.version
			});
			numbers.push(kase.number);
		}
		clock.t = Date.parse('2026-04-10T03:00:00Z');
	});
	afterAll(async () => {
		await s?.close();
	});

	it('the case audit: Indonesian labels, WIB times, a row per case, inert text', async () => {
		const file = await casesAuditExport(
			s.container,
			new URLSearchParams({ from: '2026-04-08', to: '2026-04-08', format: 'xlsx' })
		);
		expect(file.status).toBe(200);
		expect(file.headers['content-type']).toBe(XLSX_TYPE);
		expect(file.headers['content-disposition']).toContain('sigap-kasus-2026-04-08_2026-04-08.xlsx');
		const sheets = readXlsx(file.body as Uint8Array);
		expect(sheets.map((x) => x.name)).toEqual(['Kasus']);
		const sheet = sheets[0]!;
		expect(sheet.rows[0]![0]!.value).toBe('Kementerian Koperasi Republik Indonesia');
		const h = headerIndex(sheet, 'Nomor kasus');
		expect(valuesOf(sheet.rows[h]!)).toEqual(AUDIT_HEADER);
		const data = sheet.rows.slice(h + 1).map(valuesOf);
		// The two cases of 8 April WIB; the one at 00:00 WIB on the 9th is not in the file.
		expect(data).toHaveLength(2);
		const col = (name: string) => AUDIT_HEADER.indexOf(name);
		const byNumber = new Map(data.map((r) => [r[col('Nomor kasus')], r]));
		expect([...byNumber.keys()].sort()).toEqual([numbers[0], numbers[1]].sort());
		const first = byNumber.get(numbers[0])!;
		const second = byNumber.get(numbers[1])!;
		expect(first[col('Dibuat (WIB)')]).toBe('2026-04-08 09:15:00');
		expect(first[col('Diterima (WIB)')]).toBe('2026-04-08 09:15:00');
		expect(second[col('Dibuat (WIB)')]).toBe('2026-04-08 23:59:59');
		for (const r of data) {
			for (const name of AUDIT_HEADER.filter((x) => x.endsWith('(WIB)'))) {
				const v = r[col(name)];
				if (v !== null) expect(v, name).toMatch(STAMP);
			}
			expect(r[col('Provinsi')]).toBe('Kalimantan Barat');
			expect(r[col('Kanal')]).toBe('Tiket/surat');
		}
		// The phone number reads exactly as dialled, in a text cell; the formula-like names
		// carry the leading apostrophe and are text, not formulas.
		const teamCell = (n: string) => sheet.rows.find((r) => r[0]?.value === n)![col('Tim')]!;
		expect(teamCell(numbers[0]!)).toMatchObject({
			value: '+6281234567890',
			type: 's',
			format: '@',
			formula: null
		});
		expect(second[col('Tim')]).toBe("'=1+1");
		expect(second[col('Petugas')]).toBe("'@SUM(A1)");
		expectInert(sheets);
	});

	it('a trend view: labels, WIB period starts, a row per period and group, numbers', async () => {
		const q =
			'from=2026-04-07&to=2026-04-09&granularity=day&groupBy=channel&measure=cases.opened,contacts';
		const res = await fetch(`${s.url}/trends/export?view=trend&format=xlsx&${q}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe(XLSX_TYPE);
		const sheets = readXlsx(new Uint8Array(await res.arrayBuffer()));
		expect(sheets.map((x) => x.name)).toEqual(['Tren']);
		const sheet = sheets[0]!;
		const h = headerIndex(sheet, 'Periode');
		expect(valuesOf(sheet.rows[h]!)).toEqual([
			'Periode',
			'Mulai (WIB)',
			'Kode',
			'Kanal',
			'Kasus dibuka',
			'Total kontak'
		]);
		const data = sheet.rows.slice(h + 1);
		expect(data).toHaveLength(3 * 3); // 3 days × call, chat, ticket
		const api = await (await fetch(`${s.url}/api/v1/trends?${q}`)).json();
		for (const row of data) {
			const [, start, code, , opened, contacts] = row;
			expect(start!.value).toMatch(/^2026-04-0[789] 00:00:00$/);
			const g = api.groups.find((x: { group: string }) => x.group === code!.value);
			const i = ['07', '08', '09'].indexOf(String(start!.value).slice(8, 10));
			expect(opened).toMatchObject({ type: 'n', value: g.points[i]['cases.opened'] });
			expect(contacts).toMatchObject({ type: 'n', value: g.points[i].contacts });
		}
		const ticket = (day: string) =>
			data.find((r) => r[2]!.value === 'ticket' && r[1]!.value === `2026-04-${day} 00:00:00`)!;
		expect(ticket('08')[4]!.value).toBe(2);
		expect(ticket('09')[4]!.value).toBe(1);
		expect(ticket('08')[3]!.value).toBe('Tiket/surat');
		expectInert(sheets);
	});

	it('view=all: a workbook with a sheet per view, each with its Indonesian header', async () => {
		const res = await fetch(
			`${s.url}/trends/export?view=all&format=xlsx&range=custom&from=2026-04-07&to=2026-04-09`
		);
		expect(res.status).toBe(200);
		const sheets = readXlsx(new Uint8Array(await res.arrayBuffer()));
		expect(sheets.length).toBeGreaterThanOrEqual(6);
		const volume = sheets[0]!;
		const h = headerIndex(volume, 'Periode');
		expect(valuesOf(volume.rows[h]!).slice(0, 2)).toEqual(['Periode', 'Mulai (WIB)']);
		expect(volume.rows.slice(h + 1).map((r) => r[1]!.value)).toEqual([
			'2026-04-07 00:00:00',
			'2026-04-08 00:00:00',
			'2026-04-09 00:00:00'
		]);
		const heatmap = sheets.find((x) => x.name === 'Kedatangan')!;
		const hh = headerIndex(heatmap, 'Hari');
		expect(heatmap.rows.slice(hh + 1).map((r) => r[0]!.value)).toEqual([
			'Senin',
			'Selasa',
			'Rabu',
			'Kamis',
			'Jumat',
			'Sabtu',
			'Minggu'
		]);
		expectInert(sheets);
	});
});
