/**
 * issue 6: the same events give identical day figures from the live engine (metrics API),
 * the rollups (cells summed in the database), the trend API and the CSV export — over random
 * event streams posted in random batches and orders, so late events re-derive their contacts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ContactEvent } from '../../src/lib/domain/events';
import { arbitraryEvents } from '../../src/lib/domain/metrics/engine.fixtures';
import { parseCsv } from '../../src/lib/domain/export/csv';
import {
	MEASURES,
	MEASURE_NAMES,
	measureValues,
	tallyOf
} from '../../src/lib/domain/trends/measures';
import type { MetricsFigures, MetricsFilter } from '../../src/lib/domain/metrics/figures';
import { DAY_MS, wibDate } from '../../src/lib/domain/time/wib';
import { sumCells } from '../../src/lib/server/repositories/trend.repository';
import { startTestServer, type DbKind, type TestServer } from './harness';
import { wib } from '../builders/contact-events';

const QUEUES: Record<string, string> = { q1: 'kopdes-lahan', q2: 'usp-admin', q3: 'informasi' };
const PROVINCES: Record<string, string> = { '99': '91' };
const ISSUES: Record<string, string> = { pinjaman: 'usp_operasional' };
const FILTERS: MetricsFilter[] = [
	{},
	{ queue: 'kopdes-lahan' },
	{ province: '61' },
	{ channel: 'chat' },
	{ channel: 'ticket', issueType: 'unknown' }
];
const ALL = MEASURE_NAMES.join(',');
const COUNTS = MEASURE_NAMES.filter((m) => MEASURES[m].kind === 'count');
const HOUR_MS = 3_600_000;
/** Measures that are not the engine's own figures (compared through their parts instead). */
const TREND_ONLY = new Set(['contacts', 'cases.openedAsTicket']);

/** A fixture event as the ingest API takes it, its ids made unique to the run. */
function toWire(e: ContactEvent, run: number, i: number): Record<string, unknown> {
	const w: Record<string, unknown> = { ...e, id: `r${run}-${i}`, at: new Date(e.at).toISOString() };
	for (const key of ['callId', 'sessionId', 'caseId']) if (key in e) w[key] = `r${run}-${w[key]}`;
	if (typeof w.queue === 'string') w.queue = QUEUES[w.queue] ?? w.queue;
	if (typeof w.province === 'string') w.province = PROVINCES[w.province] ?? w.province;
	if (typeof w.issueType === 'string') w.issueType = ISSUES[w.issueType] ?? w.issueType;
	return w;
}

const query = (f: MetricsFilter) =>
	Object.entries(f)
		.map(([k, v]) => `&${k}=${encodeURIComponent(String(v))}`)
		.join('');

function figure(f: MetricsFigures, m: string): number | null {
	const [group, name] = m.split('.') as [keyof MetricsFigures, string];
	return (f[group] as unknown as Record<string, number | null>)[name]!;
}

async function get(s: TestServer, path: string) {
	const res = await fetch(`${s.url}${path}`);
	expect(res.status, path).toBe(200);
	return res;
}

async function dayFromEverySource(s: TestServer, day: string, f: MetricsFilter) {
	const q = query(f);
	const engine = (await (
		await get(s, `/api/v1/metrics?from=${day}&to=${day}${q}`)
	).json()) as MetricsFigures;
	const trend = await (
		await get(s, `/api/v1/trends?from=${day}&to=${day}&granularity=day&measure=${ALL}${q}`)
	).json();
	const csv = parseCsv(
		(
			await (
				await get(
					s,
					`/trends/export?view=trend&format=csv&from=${day}&to=${day}&granularity=day&measure=${ALL}${q}`
				)
			).text()
		).replace(/^\ufeff/, '')
	);
	const from = Date.parse(`${day}T00:00:00+07:00`);
	const [cells] = await sumCells(
		s.container.database.db,
		{ from, to: from + DAY_MS, granularity: 'day', groupBy: null, filter: f },
		true
	);
	const rollup = measureValues(tallyOf(cells?.n ?? [], cells?.frt ?? []), MEASURE_NAMES);
	return { engine, api: trend.total.points[0] as Record<string, number | null>, csv, rollup };
}

function compareDay(got: Awaited<ReturnType<typeof dayFromEverySource>>, label: string): void {
	const { engine, api, csv, rollup } = got;
	expect(csv[0]!.slice(2)).toHaveLength(MEASURE_NAMES.length);
	MEASURE_NAMES.forEach((m, i) => {
		const fromCsv = csv[1]![2 + i]!;
		expect(fromCsv === '' ? null : Number(fromCsv), `${label} csv ${m}`).toBe(api[m]);
		expect(rollup[i], `${label} rollup ${m}`).toBe(api[m]);
		if (m === 'contacts' || m === 'cases.openedAsTicket') return;
		expect(api[m], `${label} api vs engine ${m}`).toBe(figure(engine, m));
	});
	const sum = engine.calls.offered + engine.chats.sessions + (api['cases.openedAsTicket'] ?? 0);
	expect(api.contacts, `${label} contacts`).toBe(sum);
}

type Point = Record<string, number | null>;

/** The API's point equals the engine's figures over the same span (measure by measure). */
function compareEngine(point: Point, engine: MetricsFigures, label: string): void {
	for (const m of MEASURE_NAMES) {
		if (TREND_ONLY.has(m)) continue;
		expect(point[m], `${label} ${m}`).toBe(figure(engine, m));
	}
	const sum = engine.calls.offered + engine.chats.sessions + (point['cases.openedAsTicket'] ?? 0);
	expect(point.contacts, `${label} contacts`).toBe(sum);
}

/**
 * `granularity=hour` and `week` over the same two days: 48 hourly periods whose counts add up
 * to each day's figures and whose busiest hours equal the engine over that hour; Monday-based
 * weeks whose counts are the sums of their days and whose rates equal the engine over the
 * days of the range in that week.
 */
async function compareHoursAndWeeks(
	s: TestServer,
	days: string[],
	f: MetricsFilter,
	perDay: Point[],
	label: string
): Promise<void> {
	const q = query(f);
	const range = `from=${days[0]}&to=${days[1]}&measure=${ALL}${q}`;
	const start = Date.parse(`${days[0]}T00:00:00+07:00`);
	const hours = await (await get(s, `/api/v1/trends?${range}&granularity=hour`)).json();
	expect(hours.periods.map((p: { start: string }) => Date.parse(p.start))).toEqual(
		Array.from({ length: 48 }, (_, h) => start + h * HOUR_MS)
	);
	const points = hours.total.points as Point[];
	for (const [i, day] of days.entries()) {
		const slice = points.slice(i * 24, i * 24 + 24);
		for (const m of COUNTS) {
			const sum = slice.reduce((n, p) => n + (p[m] ?? 0), 0);
			expect(sum, `${label} ${day} Σ hours ${m}`).toBe(perDay[i]![m] ?? 0);
		}
	}
	const busiest = points
		.map((p, h) => ({ h, n: p.contacts ?? 0 }))
		.filter((x) => x.n > 0)
		.sort((a, b) => b.n - a.n || a.h - b.h)
		.slice(0, 2);
	for (const { h } of busiest) {
		const from = new Date(start + h * HOUR_MS).toISOString();
		const to = new Date(start + (h + 1) * HOUR_MS).toISOString();
		const engine = (await (
			await get(s, `/api/v1/metrics?from=${from}&to=${to}${q}`)
		).json()) as MetricsFigures;
		compareEngine(points[h]!, engine, `${label} hour ${from}`);
	}
	const weeks = await (await get(s, `/api/v1/trends?${range}&granularity=week`)).json();
	const dayStarts = days.map((d) => Date.parse(`${d}T00:00:00+07:00`));
	const weekStarts = weeks.periods.map((p: { start: string }) => Date.parse(p.start)) as number[];
	// Weeks start on Monday 00:00 WIB; two days across a Sunday midnight make two weeks.
	for (const w of weekStarts) expect(new Date(w + 7 * HOUR_MS).getUTCDay(), label).toBe(1);
	const sameWeek =
		Math.floor((dayStarts[0]! - weekStarts[0]!) / (7 * DAY_MS)) === 0 &&
		dayStarts[1]! - weekStarts[0]! < 7 * DAY_MS;
	expect(weekStarts, `${label} weeks`).toHaveLength(sameWeek ? 1 : 2);
	const both = sameWeek
		? ((await (
				await get(s, `/api/v1/metrics?from=${days[0]}&to=${days[1]}${q}`)
			).json()) as MetricsFigures)
		: null;
	weekStarts.forEach((w, i) => {
		const members = dayStarts.flatMap((d, j) => (d >= w && d < w + 7 * DAY_MS ? [j] : []));
		const point = weeks.total.points[i] as Point;
		for (const m of COUNTS) {
			const sum = members.reduce((n, j) => n + (perDay[j]![m] ?? 0), 0);
			expect(point[m], `${label} week ${i} ${m}`).toBe(sum);
		}
		if (both) compareEngine(point, both, `${label} week`);
		else
			for (const m of MEASURE_NAMES)
				expect(point[m], `${label} week ${m}`).toBe(perDay[members[0]!]![m]);
	});
}

function suite(kind: DbKind, runs: number) {
	describe(`trends agree with the live engine (${kind})`, () => {
		const T0 = wib('2026-04-06 21:30');
		const clock = { t: T0, now: () => clock.t };
		let s: TestServer;
		beforeAll(async () => {
			s = await startTestServer(kind, clock);
		});
		afterAll(async () => {
			await s?.close();
		});

		it('a later session of the same contact, posted later, un-contains the earlier one', async () => {
			const at = wib('2026-04-01 10:00');
			clock.t = at + DAY_MS;
			const iso = (t: number) => new Date(t).toISOString();
			const first = [
				{
					id: 'x1',
					type: 'chat.started',
					sessionId: 'x-s1',
					bot: true,
					contact: 'kx',
					at: iso(at)
				},
				{ id: 'x2', type: 'chat.ended', sessionId: 'x-s1', by: 'bot', at: iso(at + 60_000) }
			];
			await s.post(first);
			const before = await dayFromEverySource(s, '2026-04-01', { channel: 'chat' });
			compareDay(before, 'before');
			expect(before.api['chats.botContained']).toBe(1);
			await s.post([
				{
					id: 'x3',
					type: 'chat.started',
					sessionId: 'x-s2',
					bot: true,
					contact: 'kx',
					at: iso(at + 3_600_000)
				}
			]);
			const after = await dayFromEverySource(s, '2026-04-01', { channel: 'chat' });
			compareDay(after, 'after');
			expect(after.api['chats.botContained']).toBe(0);
		});

		it('day figures from engine, rollups, trend API and CSV export are identical', async () => {
			let run = 0;
			await fc.assert(
				fc.asyncProperty(
					arbitraryEvents(T0).chain((events) =>
						fc.tuple(
							fc.constant(events),
							fc.shuffledSubarray(events, { minLength: events.length }),
							fc.integer({ min: 1, max: 3 })
						)
					),
					async ([events, shuffled, parts]) => {
						const k = run++;
						const shift = k * 3 * DAY_MS;
						clock.t = T0 + shift + 2 * DAY_MS;
						const wire = shuffled.map((e) =>
							toWire({ ...e, at: e.at + shift }, k, events.indexOf(e))
						);
						const size = Math.ceil(wire.length / parts);
						for (let i = 0; i < wire.length; i += size) {
							const answer = await s.post(wire.slice(i, i + size));
							expect(answer.body.rejected, JSON.stringify(answer.body.results)).toBe(0);
						}
						const days = [T0 + shift, T0 + shift + DAY_MS].map(wibDate);
						for (const f of FILTERS) {
							const perDay: Point[] = [];
							for (const day of days) {
								const got = await dayFromEverySource(s, day, f);
								compareDay(got, `${day} ${JSON.stringify(f)}`);
								perDay.push(got.api);
							}
							await compareHoursAndWeeks(s, days, f, perDay, `${days[0]} ${JSON.stringify(f)}`);
						}
					}
				),
				{ numRuns: runs }
			);
			expect(s.container.rollups.stats.missing).toBe(0);
		});
	});
}

suite('pglite', 20);
suite('postgres', 4);
