/**
 * The administrative `sigap` commands, spawned as a person runs them (src/cli/sigap.js) against
 * a scratch PostgreSQL database (with PostgreSQL they may run while a server has it open):
 * `token create` prints a token once and it opens a read API through the real request gate (and
 * nothing that changes state); `audit verify` exits 0 on a good chain and 1 naming the first
 * broken entry after a stored entry is edited; `import cases FILE --map MAPPING` exits 0, 1
 * (rows rejected, each as FILE:LINE) or 2 (a mapping naming a missing column: nothing imported).
 * The CSVs are cut at test time from the NYC 311 sample in ../shared/data (never copied here).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/lib/server/config';
import { createContainer, type Container } from '../../src/lib/server/container';
import { accessHandle } from '../../src/lib/server/http/access-handle';
import { placeCase } from '../../src/lib/server/services/access/case-scope';
import { scratchPostgres } from './harness';
import { gateEvent } from './gate-event';

const NYC = path.resolve(
	process.cwd(),
	'../shared/data/realworld/tickets/nyc_311_2025-03_sample.csv'
);
const NYC_MAP = path.resolve('tests/fixtures/history/nyc-311.map.json');
const ORIGIN = 'http://sigap.test';

let scratch: Awaited<ReturnType<typeof scratchPostgres>>;
let sql: postgres.Sql;
let container: Container;
let dir = '';

interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
}

function sigap(args: string[], input?: string): Promise<Run> {
	const child = spawn(process.execPath, ['src/cli/sigap.js', ...args], {
		env: { ...process.env, DATABASE_URL: scratch.url, SIGAP_DATA_DIR: dir }
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
	child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
	child.stdin.end(input ?? '');
	return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'sigap-cli-'));
	scratch = await scratchPostgres();
	sql = postgres(scratch.url, { max: 1, onnotice: () => {} });
	// The server side: migrates and seeds the database, and serves the request gate below.
	container = await createContainer(loadConfig({ DATABASE_URL: scratch.url, SIGAP_DATA_DIR: dir }));
}, 180_000);
afterAll(async () => {
	await container?.close();
	await sql?.end();
	await scratch?.drop();
	await rm(dir, { recursive: true, force: true });
});

/** A GET or POST through the real request gate (hooks.server.ts's handle) with a bearer token. */
async function withToken(
	token: string,
	routeId: string,
	method: 'GET' | 'POST',
	pathAndQuery: string
): Promise<{ status: number; reached: boolean }> {
	const handle = accessHandle(async () =>
		Object.assign({}, container, { placeCase: (id: string) => placeCase(container, id) })
	);
	const url = new URL(pathAndQuery, ORIGIN);
	const request = new Request(url, {
		method,
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: method === 'GET' ? undefined : '{}'
	});
	let reached = false;
	const event = gateEvent(request, routeId);
	const response = await handle({
		event,
		resolve: async () => {
			reached = true;
			return new Response('reached');
		}
	});
	return { status: response.status, reached };
}

describe('sigap token create', () => {
	it(
		'prints the token once; it opens a read API, never a change',
		{ timeout: 60_000 },
		async () => {
			vi.spyOn(console, 'warn').mockImplementation(() => {});
			const user = await sigap(
				['user', 'create', '--role', 'supervisor', '--email', 'sup@cli.test', '--provinces', '61'],
				'supervisor password 1\n'
			);
			expect(user.code, user.stderr).toBe(0);

			const created = await sigap([
				'token',
				'create',
				'--user',
				'sup@cli.test',
				'--name',
				'report'
			]);
			expect(created.code, created.stderr).toBe(0);
			// stdout is the token and nothing else, so `$(sigap token create …)` captures it.
			expect(created.stdout).toMatch(/^sgt_\S+\n$/);
			const token = created.stdout.trim();
			expect(created.stderr).toMatch(/shown once/);
			expect(created.stderr).not.toContain(token);

			// Shown once: the list and the database keep only a prefix and a hash.
			const list = await sigap(['token', 'list']);
			expect(list.code).toBe(0);
			expect(list.stdout).toMatch(/sup@cli\.test\treport\t/);
			expect(list.stdout).not.toContain(token);
			const stored = JSON.stringify(await sql`select * from api_tokens`);
			expect(stored).not.toContain(token);

			// A read API, for the owner's scope (Kalimantan Barat trends).
			expect(await withToken(token, '/api/v1/trends', 'GET', '/api/v1/trends?province=61')).toEqual(
				{ status: 200, reached: true }
			);
			// Read APIs only: no state change, whatever the owner's role.
			const change = await withToken(
				token,
				'/api/v1/cases/reassign',
				'POST',
				'/api/v1/cases/reassign'
			);
			expect(change.reached).toBe(false);
			expect([401, 403]).toContain(change.status);
			// A token with a flipped character is nobody.
			const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
			expect(
				(await withToken(flipped, '/api/v1/trends', 'GET', '/api/v1/trends?province=61')).status
			).toBe(401);

			// An unknown owner: a clear message, exit 2, no token printed.
			const nobody = await sigap(['token', 'create', '--user', 'nobody@cli.test', '--name', 'x']);
			expect(nobody.code).toBe(2);
			expect(nobody.stdout).toBe('');
			expect(nobody.stderr).toMatch(/^sigap: .*nobody@cli\.test/m);
		}
	);
});

describe('sigap audit verify', () => {
	it(
		'exit 0 on a good chain; exit 1 naming the first broken entry after an edit',
		{ timeout: 90_000 },
		async () => {
			// The commands above are on the record (user and token created).
			const good = await sigap(['audit', 'verify']);
			expect(good.code, good.stderr).toBe(0);
			const m = /audit log intact: (\d+) entries, head ([0-9a-f]{64})/.exec(good.stdout);
			expect(m, good.stdout).not.toBeNull();
			const entries = Number(m![1]);
			expect(entries).toBeGreaterThanOrEqual(2);
			const [head] = await sql`select hash from audit_log order by seq desc limit 1`;
			expect(m![2]).toBe(head!.hash);

			const [second] = await sql`select seq, actor from audit_log where seq = 2`;
			const [last] = await sql`select seq, actor from audit_log order by seq desc limit 1`;
			// The owner switches the append-only triggers off: only the chain catches what follows.
			await sql`alter table audit_log disable trigger user`;
			const edit = (seq: number, actor: string) =>
				sql`update audit_log set actor = ${actor} where seq = ${seq}`;
			// One edited entry: verify names it.
			await edit(Number(last!.seq), 'someone else');
			const broken = await sigap(['audit', 'verify']);
			expect(broken.code).toBe(1);
			expect(broken.stderr).toContain(
				`audit log BROKEN at entry ${last!.seq}: content does not match its hash (edited)`
			);
			// Two edited entries: the first one is named.
			await edit(2, 'someone else');
			const first = await sigap(['audit', 'verify']);
			expect(first.code).toBe(1);
			expect(first.stderr).toContain('audit log BROKEN at entry 2:');
			// Put back: intact again, the same head.
			await edit(2, second!.actor as string);
			await edit(Number(last!.seq), last!.actor as string);
			await sql`alter table audit_log enable trigger user`;
			const again = await sigap(['audit', 'verify']);
			expect(again.code, again.stderr).toBe(0);
			expect(again.stdout).toContain(`${entries} entries, head ${head!.hash}`);
		}
	);
});

describe('sigap import cases FILE --map MAPPING (exit codes)', () => {
	/** The NYC sample cut into files of chosen rows (the header plus those rows, verbatim). */
	let header = '';
	let lines: string[] = [];
	const good: number[] = [];
	const rejected: number[] = [];
	let ids: string[] = [];
	// Counted in the store: the CLI imports in its own process (a running server's scheduler
	// learns of open cases imported elsewhere only at its next start).
	const cases = async () => Number((await sql`select count(*)::int as n from cases`)[0]!.n);
	const cut = async (name: string, rows: number[]) => {
		const file = path.join(dir, name);
		await writeFile(file, [header, ...rows.map((i) => lines[i]!)].join('\n') + '\n');
		return file;
	};

	beforeAll(async () => {
		const text = await readFile(NYC, 'utf8');
		const records = parse(text, { columns: true }) as Record<string, string>[];
		const physical = text.split(/\r?\n/).filter((l) => l.length > 0);
		header = physical[0]!;
		lines = physical.slice(1);
		// One record per physical line in this sample, so a row's line is its index + 2.
		expect(lines).toHaveLength(records.length);
		ids = records.map((r) => r['Unique Key']!);
		records.forEach((r, i) =>
			(r.Status === 'Closed' && !r['Closed Date'] ? rejected : good).push(i)
		);
		expect(rejected.length).toBeGreaterThan(0);
	});

	it(
		'exit 2 with the column named when the mapping names a missing column; nothing imported',
		{ timeout: 60_000 },
		async () => {
			const csv = await cut('few.csv', good.slice(0, 5));
			const mapping = JSON.parse(await readFile(NYC_MAP, 'utf8'));
			const badMap = path.join(dir, 'missing-column.map.json');
			await writeFile(
				badMap,
				JSON.stringify({ ...mapping, columns: { ...mapping.columns, closedAt: 'Closed On' } })
			);
			const r = await sigap(['import', 'cases', csv, '--map', badMap]);
			expect(r.code).toBe(2);
			expect(r.stderr).toMatch(/names column "Closed On", which the CSV lacks/);
			expect(r.stderr).toMatch(/nothing was imported/);
			expect(await cases()).toBe(0);

			const noFile = await sigap([
				'import',
				'cases',
				path.join(dir, 'absent.csv'),
				'--map',
				NYC_MAP
			]);
			expect(noFile.code).toBe(2);
			expect(noFile.stderr).toMatch(/cannot read CSV .*absent\.csv/);
		}
	);

	it(
		'exit 0 when every row is imported, and again on a re-run (nothing twice)',
		{ timeout: 120_000 },
		async () => {
			const csv = await cut('good.csv', good.slice(0, 8));
			const r = await sigap(['import', 'cases', csv, '--map', NYC_MAP]);
			expect(r.code, r.stderr).toBe(0);
			expect(r.stdout).toContain(
				`${csv}: 8 rows: 8 imported as cases, 0 imported before, 0 rejected`
			);
			expect(await cases()).toBe(8);
			const again = await sigap(['import', 'cases', csv, '--map', NYC_MAP]);
			expect(again.code, again.stderr).toBe(0);
			expect(again.stdout).toContain('8 rows: 0 imported as cases, 8 imported before, 0 rejected');
			expect(await cases()).toBe(8);
		}
	);

	it(
		'exit 1 when rows are rejected, each as FILE:LINE; the rest is imported',
		{ timeout: 120_000 },
		async () => {
			const bad = rejected[0]!;
			// Two new good rows, then the rejected row on line 4 (line 1 is the header).
			const csv = await cut('mixed.csv', [good[8]!, good[9]!, bad]);
			const r = await sigap(['import', 'cases', csv, '--map', NYC_MAP]);
			expect(r.code).toBe(1);
			expect(r.stderr).toContain(
				`${csv}:4: ${ids[bad]}: Status: "Closed" but Closed Date is empty`
			);
			expect(r.stdout).toContain('3 rows: 2 imported as cases, 0 imported before, 1 rejected');
			expect(await cases()).toBe(10);
		}
	);
});
