/**
 * issue 6 §History import: both 311 samples (read from ../shared/data at test time) imported
 * with their mapping files (tests/fixtures/history), through the case services on a clock set
 * to each milestone: rows accepted and rejected with reasons, daylight-saving days read right,
 * the cases in the trends, a second run imports nothing twice, bad mappings import nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCase, listCases } from '../../src/lib/server/services/cases';
import { importCases } from '../../src/lib/server/services/history-import/import-cases';
import { casesAuditExport } from '../../src/lib/server/services/trends/case-audit';
import { parseCsv } from '../../src/lib/domain/export/csv';
import { startTestServer, type TestServer } from './harness';
import { AUDIT_HEADER } from '../support/audit-export';

const tickets = (f: string) =>
	readFileSync(path.resolve(process.cwd(), '../shared/data/realworld/tickets', f), 'utf8');
const mapping = (f: string) => readFileSync(path.resolve('tests/fixtures/history', f), 'utf8');
const NYC = tickets('nyc_311_2025-03_sample.csv');
const BALTIMORE = tickets('baltimore_311_sample_head3000.csv');

describe('sigap import cases: the 311 samples', () => {
	const clock = {
		t: Date.parse('2026-12-01T03:00:00Z'),
		now: () => clock.t,
		set: (t: number) => void (clock.t = t)
	};
	let s: TestServer;
	beforeAll(async () => {
		s = await startTestServer('pglite', clock);
	});
	afterAll(async () => {
		await s?.close();
	});
	const run = (csv: string, map: string) => importCases(s.container, clock, csv, map);
	const caseCount = async () => (await listCases(s.container, { status: 'all', limit: 1 })).total;

	it('refuses a mapping that names a missing column or an unknown zone, importing nothing', async () => {
		const good = JSON.parse(mapping('nyc-311.map.json'));
		const missing = await run(
			NYC,
			JSON.stringify({ ...good, columns: { ...good.columns, closedAt: 'Closed On' } })
		);
		expect(missing).toEqual({
			ok: false,
			message: expect.stringMatching(/names column "Closed On", which the CSV lacks/)
		});
		const zone = await run(NYC, JSON.stringify({ ...good, timeZone: 'America/Gotham' }));
		expect(zone).toEqual({
			ok: false,
			message: expect.stringMatching(/timeZone: unknown time zone "America\/Gotham"/)
		});
		const team = await run(NYC, JSON.stringify({ ...good, createTeams: [] }));
		expect(team).toMatchObject({
			ok: false,
			message: expect.stringMatching(/teams: "tim-ketertiban" is not a team/)
		});
		expect(await run(NYC, '{ nope')).toMatchObject({
			ok: false,
			message: expect.stringMatching(/not JSON/)
		});
		expect(await caseCount()).toBe(0);
	});

	it(
		'imports NYC 311 (US Eastern, EDT): rows accepted and rejected with reasons, in the trends',
		{ timeout: 180_000 },
		async () => {
			const result = await run(NYC, mapping('nyc-311.map.json'));
			if (!result.ok) throw new Error(result.message);
			const r = result.report;
			expect(r.rows).toBe(235);
			expect(r.rejected.map((x) => x.reason)).toEqual(
				new Array(3).fill('Status: "Closed" but Closed Date is empty')
			);
			expect(r.imported).toBe(232);
			const c = await getCase(s.container, r.cases.get('64446107')!);
			expect(c).toMatchObject({
				status: 'closed',
				channel: 'ticket',
				issueType: 'desa_regulasi',
				team: { id: 'tim-ketertiban' },
				provinceCode: 'unknown',
				subject: 'Noise - Residential — Banging/Pounding'
			});
			// 11:33:07 PM EDT on 24 March is 03:33:07 UTC, 10:33:07 WIB on 25 March.
			expect(c.milestones.receivedAt).toBe('2025-03-25T10:33:07+07:00');
			expect(c.milestones.createdAt).toBe('2025-03-25T10:33:07+07:00');
			expect(c.milestones.closedAt).toBe('2025-03-25T11:45:11+07:00');
			expect(c.number).toMatch(/^K-2025-/);
			const trend = await (
				await fetch(
					`${s.url}/api/v1/trends?from=2025-03-24&to=2025-03-26&measure=cases.opened,cases.resolved`
				)
			).json();
			expect(trend.total.total['cases.opened']).toBe(232);
			// Resolved in the range: resolutions (or closings without one) from 24 to 26 March WIB.
			const [from, to] = [
				Date.parse('2025-03-24T00:00+07:00'),
				Date.parse('2025-03-27T00:00+07:00')
			];
			let resolvedInRange = 0;
			for (const id of r.cases.values()) {
				const { milestones } = await getCase(s.container, id);
				const at = Date.parse(milestones.resolvedAt ?? milestones.closedAt ?? '');
				if (at >= from && at < to) resolvedInRange++;
			}
			expect(resolvedInRange).toBeGreaterThan(0);
			expect(trend.total.total['cases.resolved']).toBe(resolvedInRange);
		}
	);

	it('the audit export has one row per imported case, in WIB, with SLA states', async () => {
		const params = new URLSearchParams({ from: '2025-03-24', to: '2025-03-26', format: 'csv' });
		const file = await casesAuditExport(s.container, params);
		expect(file.status).toBe(200);
		const rows = parseCsv(String(file.body).replace(/^\ufeff/, ''));
		expect(rows[0]).toEqual(AUDIT_HEADER);
		expect(rows).toHaveLength(1 + 232);
		const row = rows.find((r) => r[11] === '2025-03-25 10:33:07')!;
		expect(row.slice(1, 4)).toEqual(['Tiket/surat', 'unknown', 'Tidak diketahui']);
		expect(row.slice(7, 11)).toEqual(['Tim Ketertiban', '', 'ditutup', '2025-03-25 10:33:07']);
		expect(row[14]).toBe('2025-03-25 11:45:11');
		expect(['terpenuhi', 'terpenuhi terlambat', 'lewat SLA']).toContain(row[17]);
		const national = await casesAuditExport(s.container, params, {
			provinces: ['61'],
			issueTypes: null
		});
		expect(parseCsv(String(national.body).replace(/^\ufeff/, ''))).toHaveLength(1);
		const bad = await casesAuditExport(
			s.container,
			new URLSearchParams({ from: '2025-03-26', to: '2025-03-01' })
		);
		expect(bad.status).toBe(400);
	});

	it('a second run of the same file imports nothing twice', async () => {
		const again = await run(NYC, mapping('nyc-311.map.json'));
		expect(again).toMatchObject({ ok: true, report: { imported: 0, duplicates: 232 } });
		expect(await caseCount()).toBe(232);
	});

	// 3,000 rows, each created and closed through the case services: minutes on 2 cores.
	it(
		'imports Baltimore 311 (2014–2019, across daylight-saving changes)',
		{ timeout: 600_000 },
		async () => {
			const result = await run(BALTIMORE, mapping('baltimore-311.map.json'));
			if (!result.ok) throw new Error(result.message);
			const r = result.report;
			expect(r.rows).toBe(3000);
			expect(r.imported + r.rejected.length).toBe(3000);
			for (const x of r.rejected) expect(x.reason, `line ${x.line}`).toMatch(/\S/);
			const receivedAt = async (id: string) =>
				(await getCase(s.container, r.cases.get(id)!)).milestones.receivedAt;
			// Sun 4 Nov 2018 06:01:30 is EST (clocks fell back at 02:00): 11:01:30 UTC.
			expect(await receivedAt('18-00821772')).toBe('2018-11-04T18:01:30+07:00');
			// Sun 11 Mar 2018 06:56:32 is EDT (clocks sprang forward at 02:00): 10:56:32 UTC.
			expect(await receivedAt('18-00190988')).toBe('2018-03-11T17:56:32+07:00');
			// Sun 8 Mar 2015 8:00 PM EDT is midnight UTC.
			expect(await receivedAt('15-00218366')).toBe('2015-03-09T07:00:00+07:00');
			// A winter row: EST, UTC−5.
			expect(await receivedAt('18-00269879')).toBe('2018-04-12T22:11:26+07:00');
		}
	);
});
