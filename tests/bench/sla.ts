/**
 * SLA benchmarks (issue 3 §Benchmark): `dueAt` 30 business days ahead on the standard calendar
 * with Indonesia's holidays (calls/s), and the time to rebuild the SLA timers for 50,000 open
 * cases at start — load, evaluate, record what fell due while down, arm — on PGlite and
 * PostgreSQL. Called by run.ts; alone: node --import tsx tests/bench/sla.ts
 */
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { dueAt, standardCalendar } from '../../src/lib/domain/calendar/business-calendar';
import { INDONESIA_HOLIDAYS } from '../../src/lib/domain/calendar/holidays-id';
import { loadConfig } from '../../src/lib/server/config';
import { createContainer, type Container } from '../../src/lib/server/container';
import { MEMORY } from '../../src/lib/server/db';
import { cases } from '../../src/lib/server/db/schema';
import { startCaseRuntime } from '../../src/lib/server/services/cases/runtime';
import { pgliteTemplate, scratchPostgres } from '../integration/harness';

const OPEN_CASES = Number(process.env.BENCH_OPEN_CASES ?? 50_000);
const DAY = 86_400_000;

function dueAtRate(): void {
	const cal = standardCalendar(INDONESIA_HOLIDAYS);
	const base = Date.parse('2026-01-05T07:00:00+07:00');
	const target = 30 * 540;
	dueAt(cal, base, target); // compile once
	let n = 0;
	let sink = 0;
	const started = performance.now();
	while (performance.now() - started < 1000) {
		for (let i = 0; i < 1000; i++, n++)
			sink += dueAt(cal, base + ((n * 7_919_000) % (300 * DAY)), target)!;
	}
	const seconds = (performance.now() - started) / 1000;
	console.log(
		`SLA        dueAt 30 business days ahead: ${(n / seconds).toFixed(0)} calls/s (standard calendar, 2026–2027 holidays)${sink ? '' : ' '}`
	);
}

async function seedOpenCases(c: Container, now: number): Promise<void> {
	const issue = c.reference.issueTypes.map((t) => t.code);
	const provinces = c.reference.provinces.map((p) => p.code);
	for (let i = 0; i < OPEN_CASES; i += 2000) {
		const rows = Array.from({ length: Math.min(2000, OPEN_CASES - i) }, (_, k) => {
			const n = i + k;
			// Received over the last 3 days: some on track, some at risk, some breached.
			const received = new Date(now - ((n * 104_729) % (3 * DAY)));
			return {
				id: randomUUID(),
				number: `K-2026-B${String(n).padStart(6, '0')}`,
				status: n % 5 === 0 ? 'assigned' : 'new',
				reporterType: 'public',
				reporterContact: '+62 812-0000-0000',
				provinceCode: provinces[n % provinces.length]!,
				issueType: issue[n % issue.length]!,
				priority: 'normal',
				channel: 'ticket',
				subject: 'bench',
				description: 'bench',
				origin: 'api',
				teamId: 'nasional',
				policyId: 'default@1',
				receivedAt: received,
				createdAt: received,
				updatedAt: received
			};
		});
		await c.database.db.insert(cases).values(rows);
	}
}

async function rebuild(label: string, c: Container): Promise<void> {
	const now = Date.now();
	await seedOpenCases(c, now);
	for (const pass of ['first start (records missed transitions)', 'restart (nothing new)']) {
		const started = performance.now();
		const runtime = await startCaseRuntime({
			db: c.database.db,
			bus: c.bus,
			live: c.live,
			config: c.config,
			settings: c.cases.settings(),
			now: () => Date.now()
		});
		const ms = performance.now() - started;
		const next = runtime.scheduler.armedAt;
		runtime.stop();
		console.log(
			`${label.padEnd(10)} SLA timers for ${runtime.scheduler.size} open cases, ${pass}: ${(ms / 1000).toFixed(2)} s; next transition armed at ${next === null ? 'none' : new Date(next).toISOString()}`
		);
	}
}

/** Both SLA figures, on PGlite (in memory) and PostgreSQL. */
export async function slaBench(): Promise<void> {
	dueAtRate();
	const config = loadConfig({ SIGAP_DATA_DIR: '/nonexistent' });
	config.database = { kind: 'pglite', dataDir: MEMORY };
	const pglite = await createContainer(config, undefined, await pgliteTemplate());
	try {
		await rebuild('PGlite', pglite);
	} finally {
		await pglite.close();
	}
	const scratch = await scratchPostgres();
	const pg = await createContainer(loadConfig({ DATABASE_URL: scratch.url }));
	try {
		await rebuild('PostgreSQL', pg);
	} finally {
		await pg.close();
		await scratch.drop();
	}
}

if (process.argv[1]?.endsWith('sla.ts')) {
	slaBench().catch((error: Error) => {
		console.error(`bench sla: ${error.message}`);
		process.exit(1);
	});
}
