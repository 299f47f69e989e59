/**
 * `sigap rollup rebuild --from --to` (issue 6 §Rollups): after a history is ingested (cells
 * maintained incrementally, event by event), the range's cells and facts are damaged — cells
 * deleted, counters inflated, a cell invented, contacts' stored facts emptied — and a rebuild
 * must give back exactly the hourly and daily cells the incremental writer had, leaving every
 * cell outside the range alone. PGlite: the service the command runs; PostgreSQL: the command
 * itself, in its own process on the same database. Bad `--from`/`--to`: a clear message, exit 2.
 */
import { spawn } from 'node:child_process';
import { and, asc, gte, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wibMidnight } from '../../src/lib/domain/time/wib';
import type { Db } from '../../src/lib/server/db';
import { contactFacts, rollupCells } from '../../src/lib/server/db/schema';
import { cellOf } from '../../src/lib/server/repositories/rollup.repository';
import { rebuildRollups } from '../../src/lib/server/services/rollups/rebuild';
import { postHistory } from '../support/post-history';
import { startTestServer, type DbKind, type TestServer } from './harness';

const DAY = 86_400_000;
const FIRST = wibMidnight('2026-09-07')!;
const FROM = '2026-09-08';
const TO = '2026-09-09';
const RANGE = { from: wibMidnight(FROM)!, to: wibMidnight(TO)! + DAY };

function sigap(args: string[], env: Record<string, string> = {}) {
	const child = spawn(process.execPath, ['src/cli/sigap.js', ...args], {
		env: { ...process.env, ...env }
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
	child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
	return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
		child.on('close', (code) => resolve({ code, stdout, stderr }))
	);
}

/** Every cell, hourly and daily, as comparable text, in key order. */
async function cells(db: Db): Promise<Map<string, string>> {
	const rows = await db
		.select()
		.from(rollupCells)
		.orderBy(
			asc(rollupCells.grain),
			asc(rollupCells.start),
			asc(rollupCells.province),
			asc(rollupCells.issueType),
			asc(rollupCells.channel),
			asc(rollupCells.queue)
		);
	return new Map(
		rows.map((r) => {
			const c = cellOf(r);
			const key = [c.grain, new Date(c.start).toISOString(), c.province, c.issueType];
			return [[...key, c.channel, c.queue].join('|'), JSON.stringify([c.n, r.frtMs])];
		})
	);
}

const inRange = (key: string) => {
	const start = Date.parse(key.split('|')[1]!);
	return start >= RANGE.from && start < RANGE.to;
};

const only = (m: Map<string, string>, keep: (k: string) => boolean) =>
	new Map([...m].filter(([k]) => keep(k)));

/** Damages the cells and facts of the range the way a bug or a bad restore could. */
async function damage(db: Db): Promise<void> {
	const c = rollupCells;
	const from = sql`${new Date(RANGE.from).toISOString()}::timestamptz`;
	const to = sql`${new Date(RANGE.to).toISOString()}::timestamptz`;
	const span = and(gte(c.start, new Date(RANGE.from)), lt(c.start, new Date(RANGE.to)));
	await db.execute(sql`
		delete from rollup_cells where ctid in (
			select ctid from rollup_cells
			where start >= ${from} and start < ${to}
			order by start, province, issue_type, channel, queue limit 40)`);
	await db
		.update(c)
		.set({ answered: sql`${c.answered} + 5`, sessions: sql`${c.sessions} + 2` })
		.where(and(span, sql`${c.channel} <> 'ticket'`));
	await db.insert(c).values({
		grain: 'hour',
		start: new Date(RANGE.from + 3 * 3_600_000),
		day: FROM,
		province: '61',
		issueType: 'kopdes_lahan',
		channel: 'call',
		queue: 'invented',
		abandoned: 99
	});
	// Contacts whose facts all lie inside the range lose their stored facts.
	await db.execute(sql`
		update contact_facts set facts = '{"dims":[],"facts":[]}'::jsonb
		where (channel, contact_id) in (
			select channel, contact_id from contact_facts
			where first_at >= ${from} and last_at < ${to}
			order by contact_id limit 25)`);
}

function suite(kind: DbKind) {
	describe(`sigap rollup rebuild restores the incremental cells (${kind})`, () => {
		const clock = { t: FIRST + 12 * DAY, now: () => clock.t };
		let s: TestServer;
		beforeAll(async () => {
			s = await startTestServer(kind, clock);
			const accepted = await postHistory(s, {
				from: FIRST,
				days: 4,
				contactsPerDay: 90,
				seed: 61,
				until: clock.t,
				prefix: 'rb'
			});
			expect(accepted).toBeGreaterThan(500);
			await s.container.rollups.flush();
		}, 120_000);
		afterAll(async () => {
			await s?.close();
		});

		it('damaged cells and facts of the range come back exactly; the rest is untouched', async () => {
			const db = s.container.database.db;
			const before = await cells(db);
			const hours = [...before.keys()].filter((k) => k.startsWith('hour|') && inRange(k));
			const days = [...before.keys()].filter((k) => k.startsWith('day|') && inRange(k));
			expect(hours.length).toBeGreaterThan(100);
			expect(days.length).toBeGreaterThan(20);
			expect([...before.keys()].some((k) => !inRange(k))).toBe(true);
			const emptied = await db.$count(contactFacts);
			await damage(db);
			const damaged = await cells(db);
			expect(only(damaged, inRange)).not.toEqual(only(before, inRange));

			if (kind === 'pglite') {
				// The server holds the embedded database: run what the command runs, in process.
				await s.container.rollups.flush();
				const report = await rebuildRollups(
					{ db, settings: () => s.container.live.settings, sla: () => s.container.live.sla },
					RANGE
				);
				expect(report.changed).toBeGreaterThanOrEqual(25);
				expect(report.cells).toBe(hours.length + days.length);
			} else {
				const url = (s.container.config.database as { url: string }).url;
				const run = await sigap(['rollup', 'rebuild', '--from', FROM, '--to', TO], {
					DATABASE_URL: url
				});
				expect(run.code, run.stderr).toBe(0);
				const m =
					/^rollups 2026-09-08\.\.2026-09-09: (\d+) contacts re-derived \((\d+) changed\), (\d+) cells/m.exec(
						run.stdout
					);
				expect(m, run.stdout).not.toBeNull();
				// (The command's own rollup writer catches up at start and may re-derive the
				// emptied contacts before the rebuild does, so "changed" is not asserted here.)
				expect(Number(m![1])).toBeGreaterThan(0);
				expect(Number(m![3])).toBe(hours.length + days.length);
			}
			const after = await cells(db);
			expect(only(after, (k) => k.startsWith('hour|'))).toEqual(
				only(before, (k) => k.startsWith('hour|'))
			);
			expect(only(after, (k) => k.startsWith('day|'))).toEqual(
				only(before, (k) => k.startsWith('day|'))
			);
			expect(after).toEqual(before);
			expect(await db.$count(contactFacts)).toBe(emptied);
			const stored = await db.execute(
				sql`select count(*)::int as n from contact_facts where facts = '{"dims":[],"facts":[]}'::jsonb`
			);
			const rows = (stored as unknown as { rows?: { n: number }[] }).rows ?? stored;
			expect(Number((rows as { n: number }[])[0]!.n)).toBe(0);
		}, 120_000);
	});
}

suite('pglite');
suite('postgres');

describe('sigap rollup rebuild: bad --from / --to', () => {
	it.each([
		[
			['--from', '2026-03-31', '--to', '2026-03-01'],
			/--to \(2026-03-01\) is before --from \(2026-03-31\)/
		],
		[
			['--from', '2026-02-30', '--to', '2026-03-01'],
			/--from: "2026-02-30" is not a date YYYY-MM-DD/
		],
		[['--from', '2026-03-01', '--to', 'yesterday'], /--to: "yesterday" is not a date YYYY-MM-DD/],
		[['--from', '1/3/2026', '--to', '2026-03-01'], /--from: "1\/3\/2026" is not a date YYYY-MM-DD/]
	])('%j: exit 2 with "%s"', async (args, message) => {
		// A database that does not exist: the range is refused before any is opened.
		const run = await sigap(['rollup', 'rebuild', ...args], {
			DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none'
		});
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(message);
		expect(run.stderr).toMatch(/^sigap: /);
		expect(run.stdout).toBe('');
	});

	it('a missing --to is a usage error naming it', async () => {
		const run = await sigap(['rollup', 'rebuild', '--from', '2026-03-01'], {
			DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none'
		});
		expect(run.code).not.toBe(0);
		expect(run.stderr).toMatch(/--to/);
	});
});
