/**
 * issue 6 §Tests: WIB day boundaries (2025-03-31 16:59:59 UTC is 31 March, 17:00:00 UTC is
 * 1 April), a month report holding exactly its month whatever TZ the server runs in (also
 * run in a child process with TZ=America/New_York), and the trend API's 400s.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthReport, type MonthReport } from './month-report';
import { startTestServer, type TestServer } from './harness';

function expectWibMonths(r: MonthReport): void {
	expect(r.march).toBe(2);
	expect(r.months).toEqual([
		{ label: '2025-02', offered: 1 },
		{ label: '2025-03', offered: 2 },
		{ label: '2025-04', offered: 1 }
	]);
	expect(r.days).toEqual({ '2025-02-28': 1, '2025-03-01': 1, '2025-03-31': 1, '2025-04-01': 1 });
}

describe('WIB days and months', () => {
	it('in this process', async () => {
		expectWibMonths(await monthReport());
	});

	it('in a server process running with TZ=America/New_York', () => {
		const out = execFileSync(
			process.execPath,
			['--import', 'tsx', 'tests/integration/month-report.child.ts'],
			{ env: { ...process.env, TZ: 'America/New_York' }, encoding: 'utf8', timeout: 120_000 }
		);
		const report = JSON.parse(out.trim().split('\n').pop()!) as MonthReport;
		expect(report.tz).toBe('America/New_York');
		expect(report.offsetMinutes).toBe(240); // EDT on 31 March 2025
		expectWibMonths(report);
	});
});

describe('GET /api/v1/trends refuses bad queries with a clear 400', () => {
	let s: TestServer;
	beforeAll(async () => {
		s = await startTestServer('pglite', { now: () => Date.parse('2026-04-01T05:00:00Z') });
	});
	afterAll(async () => {
		await s?.close();
	});

	it.each([
		['from=2026-03-10&to=2026-03-01', /to \(2026-03-01\) is before from \(2026-03-10\)/],
		['from=2020-01-01&to=2026-03-01', /range of \d+ days is longer than 732 days/],
		['measure=calls.nope', /measure: unknown measure "calls.nope"; known: contacts, /],
		['measure=contacts,', null],
		['groupBy=regency', /groupBy: must be one of: province, issueType, channel, queue/],
		['granularity=year', /granularity: must be one of: hour, day, week, month/],
		['from=2026-02-30&to=2026-03-01', /from: "2026-02-30" is not a date/],
		['from=yesterday', /from: "yesterday" is not a date/],
		['from=2026-03-01T10:00:00&to=2026-03-02', /from: "2026-03-01T10:00:00" is not a date/],
		['from=2026-03-01T10:30:00%2B07:00&to=2026-03-02', /WIB midnights \(dates\) for day trends/],
		['from=2026-01-01&to=2026-03-01&granularity=hour', /hour trends cover at most 31 days/],
		['per=villages&measure=contacts', /per=villages needs groupBy=province/],
		['per=villages&groupBy=province&measure=calls.serviceLevel', /calls.serviceLevel is not one/],
		['province=Kalbar', /province: must be a two-digit BPS code/],
		['colour=red', /unrecognized key/i]
	])('%s', async (q, message) => {
		const res = await fetch(`${s.url}/api/v1/trends?${q}`);
		if (message === null) return expect(res.status).toBe(200);
		expect(res.status).toBe(400);
		const body = (await res.json()) as { error: { code: string; message: string } };
		expect(body.error.code).toBe('invalid_query');
		expect(body.error.message).toMatch(message);
	});

	it('answers a valid grouped query with every province listed', async () => {
		const res = await fetch(
			`${s.url}/api/v1/trends?from=2026-03-01&to=2026-03-31&groupBy=province`
		);
		expect(res.status).toBe(200);
		const body = await res.json();
		expect(body.periods).toHaveLength(31);
		expect(body.groups).toHaveLength(39);
		expect(body.groups[0]).toMatchObject({ group: '11', label: 'Aceh' });
	});
});
