/**
 * `npm run bench` (issue 6 §Benchmark): 1,000,000 stored events over a year (10,000,000 with
 * BENCH_SCALE=10) on PGlite, rollups rebuilt from them, then p50/p95 of
 *   A. a 90-day × 38-province daily trend, and
 *   B. a 12-month × province × issue-type view (month × province, for every issue type),
 * from the rollups and from the raw events (folded into a MetricsEngine, as the live service
 * does for ranges it no longer holds), and the ratio. Prints figures; no verdict.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/lib/server/config';
import { createContainer, type Container } from '../../src/lib/server/container';
import { appendEvents, readEvents } from '../../src/lib/server/repositories/event.repository';
import type { ContactEvent } from '../../src/lib/domain/events';
import { rebuildRollups } from '../../src/lib/server/services/rollups/rebuild';
import { computeTrend, groupsOf } from '../../src/lib/server/services/trends/trends.service';
import type { ParsedTrendQuery } from '../../src/lib/server/services/trends/trend-query';
import { MetricsEngine } from '../../src/lib/domain/metrics/engine';
import { periodsIn } from '../../src/lib/domain/trends/periods';
import { trendOfEngine } from '../../src/lib/domain/trends/trend';
import { DAY_MS, startOfWibDay } from '../../src/lib/domain/time/wib';
import { generateHistory } from '../support/trend-history';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const EVENTS = 1_000_000 * SCALE;
const DAYS = 366;
const RUNS = Number(process.env.BENCH_TREND_RUNS ?? 7);
const RAW_RUNS = Number(process.env.BENCH_TREND_RAW_RUNS ?? 3);

const pct = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const ms = (t: number) => `${t.toFixed(0)} ms`;

async function seed(c: Container, today: number): Promise<number> {
	// ~3.3 events per contact, fewer on weekends: contacts per day for the wanted total.
	const perDay = Math.round(EVENTS / 3.3 / DAYS / 0.81);
	const first = today - (DAYS - 1) * DAY_MS;
	let stored = 0;
	for (let d = 0; d < DAYS; d++) {
		const events: ContactEvent[] = [];
		const day = { from: first + d * DAY_MS, days: 1, contactsPerDay: perDay, seed: 42 + d };
		generateHistory({ ...day, prefix: `d${d}-`, until: today + DAY_MS }, (e) => events.push(...e));
		for (let i = 0; i < events.length; i += 1000) {
			const part = events
				.slice(i, i + 1000)
				.map((event, j) => ({ sourceEventId: `${d}-${i + j}`, event }));
			stored += (await appendEvents(c.database.db, 'bench', part)).length;
		}
	}
	return stored;
}

async function timed(runs: number, work: () => Promise<unknown>): Promise<number[]> {
	const out: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		await work();
		out.push(performance.now() - t);
	}
	return out;
}

/** The raw path: fold the range's stored events into an engine (cases from the beginning). */
async function foldEngine(c: Container, from: number, to: number): Promise<MetricsEngine> {
	const engine = new MetricsEngine(c.live.settings, { sla: c.live.sla });
	for await (const page of readEvents(c.database.db, { from: from - DAY_MS, to: to + DAY_MS }))
		for (const { event } of page) engine.apply(event);
	return engine;
}

export async function trendsBench(): Promise<void> {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'sigap-bench-trends-'));
	const config = loadConfig({ SIGAP_DATA_DIR: dir });
	const c = await createContainer(config);
	try {
		const today = startOfWibDay(Date.now());
		let t = performance.now();
		const stored = await seed(c, today);
		console.log(
			`trends: ${stored.toLocaleString('en')} events stored in ${ms(performance.now() - t)} (PGlite, ${DAYS} days)`
		);
		t = performance.now();
		const report = await rebuildRollups(
			{ db: c.database.db, settings: () => c.live.settings, sla: () => c.live.sla },
			{ from: today - (DAYS + 1) * DAY_MS, to: today + 2 * DAY_MS }
		);
		console.log(
			`trends: rollups rebuilt in ${ms(performance.now() - t)}: ${report.contacts.toLocaleString('en')} contacts, ${report.cells.toLocaleString('en')} cells`
		);

		const end = today + DAY_MS;
		const a: ParsedTrendQuery = {
			from: end - 90 * DAY_MS,
			to: end,
			granularity: 'day',
			groupBy: 'province',
			measures: ['contacts', 'calls.serviceLevel', 'cases.resolutionCompliance'],
			filter: {},
			perVillages: false
		};
		const yearStart = Date.parse(
			`${new Date(end + 7 * 3_600_000 - 365 * DAY_MS).toISOString().slice(0, 7)}-01T00:00:00+07:00`
		);
		const b = (issueType: string): ParsedTrendQuery => ({
			from: yearStart,
			to: end,
			granularity: 'month',
			groupBy: 'province',
			measures: ['contacts', 'calls.serviceLevel'],
			filter: { issueType },
			perVillages: false
		});
		const issues = [...c.reference.issueTypes.map((x) => x.code), 'unknown'];
		const viewB = async () => {
			for (const issue of issues) await computeTrend(c, b(issue));
		};
		const rollA = await timed(RUNS, () => computeTrend(c, a));
		const rollB = await timed(RUNS, viewB);
		const rawA = await timed(RAW_RUNS, async () => {
			const engine = await foldEngine(c, a.from, a.to);
			trendOfEngine(engine, a, periodsIn(a.from, a.to, 'day'), groupsOf(c, a), Date.now());
		});
		const rawB = await timed(RAW_RUNS, async () => {
			const engine = await foldEngine(c, yearStart, end);
			for (const issue of issues) {
				const q = b(issue);
				trendOfEngine(engine, q, periodsIn(q.from, q.to, 'month'), groupsOf(c, q), Date.now());
			}
		});
		const line = (label: string, roll: number[], raw: number[]) =>
			console.log(
				`trends ${label}: rollups p50 ${ms(pct(roll, 50))} p95 ${ms(pct(roll, 95))} | raw events p50 ${ms(pct(raw, 50))} p95 ${ms(pct(raw, 95))} | raw/rollups ${(pct(raw, 50) / pct(roll, 50)).toFixed(0)}× (p50)`
			);
		line('90 days × 38 provinces, daily', rollA, rawA);
		line(`12 months × province × issue type (${issues.length} types)`, rollB, rawB);
	} finally {
		await c.close();
		rmSync(dir, { recursive: true, force: true });
	}
}
