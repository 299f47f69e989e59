/**
 * `sigap import queue-log` and `sigap tail queue-log` against a fake ingest server: batches,
 * summaries, exit codes, FILE:LINE mapping of rejections, and the tail guarantees (partial
 * lines held back, rotation, truncation, restart from saved state, server down then up).
 */
import { spawn } from 'node:child_process';
import {
	appendFile,
	mkdtemp,
	readFile,
	rename,
	rm,
	stat,
	truncate,
	writeFile
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importQueueLog } from '../../src/cli/commands/import';
import { sendBatch } from '../../src/cli/ingest-client';
import { parseQueueLog } from '../../src/lib/server/ingest/queue-log/parse';
import { QueueLogTailer, type TailNote } from '../../src/lib/server/ingest/queue-log/tail';
import { freePort, startFakeIngest, type FakeIngest } from './fake-ingest';
import { until } from '../support/until';

const PBXWARE = path.resolve(
	process.cwd(),
	'../shared/data/realworld/asterisk/pbxware_queue_log_export.csv'
);
const KEY = 'sk_test_queue_log';

function run(args: string[], env: Record<string, string | undefined> = {}) {
	const child = spawn(process.execPath, ['src/cli/sigap.js', ...args], {
		env: { ...process.env, SIGAP_INGEST_KEY: undefined, SIGAP_URL: undefined, ...env }
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
	child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
	const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
		child.on('close', (code) => resolve({ code, stdout, stderr }))
	);
	return { child, exit, output: () => stdout };
}

const capture = () => {
	const out: string[] = [];
	const err: string[] = [];
	return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
};

let fake: FakeIngest | null = null;
let dir = '';
beforeEach(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'sigap-ql-'));
});
afterEach(async () => {
	await fake?.close();
	fake = null;
	await rm(dir, { recursive: true, force: true });
});

describe('sigap import queue-log (spawned)', () => {
	it('sends the PBXware export, maps rejections to file lines, exits 1', async () => {
		fake = await startFakeIngest({
			reject: (e) => (e.type === 'call.abandoned' ? 'unknown queue "IT"' : null)
		});
		const { exit } = run([
			'import',
			'queue-log',
			PBXWARE,
			'--format',
			'pbxware-csv',
			'--url',
			fake.url,
			'--key',
			KEY
		]);
		const { code, stdout, stderr } = await exit;
		expect(code).toBe(1);
		expect(fake.batches.map((b) => b.length)).toEqual([1000]);
		expect(fake.authorizations).toEqual([`Bearer ${KEY}`]);
		const rejected = stderr.split('\n').filter((l) => l.includes(': rejected: '));
		expect(rejected).toHaveLength(12);
		// uid 294 is the first ABANDON row, on line 295 of the file.
		expect(rejected[0]).toBe(`${PBXWARE}:295: rejected: queue unknown queue "IT"`);
		expect(stdout).toContain(
			`${PBXWARE}: 1001 lines, 1000 events, 1000 sent: 988 accepted, 0 duplicate, 12 rejected; 0 lines with problems`
		);
		expect(stdout).toContain(
			'ignored (stored as pbx.other, not in metrics): RINGNOANSWER 360, OUTDIAL 128, OUTANSWER 77'
		);
	});

	it('re-importing the same file gives duplicates only and exits 0', async () => {
		fake = await startFakeIngest();
		const args = ['import', 'queue-log', PBXWARE, '--format', 'pbxware-csv'];
		const env = { SIGAP_URL: fake.url, SIGAP_INGEST_KEY: KEY };
		expect((await run(args, env).exit).code).toBe(0);
		const second = await run(args, env).exit;
		expect(second.code).toBe(0);
		expect(second.stdout).toContain('1000 sent: 0 accepted, 1000 duplicate, 0 rejected');
		expect(new Set(fake.received).size).toBe(1000);
	});

	it('exits 2 naming the URL when the server is unreachable, and refuses unknown formats', async () => {
		const port = await freePort();
		const url = `http://127.0.0.1:${port}`;
		const down = await run([
			'import',
			'queue-log',
			PBXWARE,
			'--format',
			'pbxware-csv',
			'--key',
			KEY,
			'--url',
			url
		]).exit;
		expect(down.code).toBe(2);
		expect(down.stderr).toContain(
			`cannot reach the Sigap server at ${url}/api/v1/events (ECONNREFUSED)`
		);
		const badFormat = await run(['import', 'queue-log', PBXWARE, '--format', 'csv']).exit;
		expect(badFormat.code).not.toBe(0);
		expect(badFormat.stderr).toContain('Allowed choices are native, pbxware-csv');
	});
});

describe('importQueueLog', () => {
	const options = (url: string) => ({ format: 'native' as const, url, key: KEY, timezone: 'UTC' });
	const ENTER = (i: number) => `${1774348200 + i}|1774348190.${i}|q1|NONE|ENTERQUEUE||0812${i}|1`;

	it('sends the good events of a file with bad lines and reports each bad line (exit 1)', async () => {
		fake = await startFakeIngest();
		const file = path.join(dir, 'queue_log');
		await writeFile(
			file,
			[ENTER(1), 'abc|x|q1|NONE|ENTERQUEUE', ENTER(2), `${ENTER(3).slice(0, 20)}`].join('\n')
		);
		const { out, err, io } = capture();
		expect(await importQueueLog(file, options(fake.url), io)).toBe(1);
		expect(fake.received).toHaveLength(2);
		expect(err).toEqual([
			`${file}:2: time "abc" is neither epoch seconds nor a date-time such as 2012-07-03 15:27:23`,
			`${file}:4: truncated final line (no newline): 2 field(s); a queue_log row needs at least 5 (time|callid|queuename|agent|event)`
		]);
		expect(out[0]).toBe(
			`${file}: 4 lines, 2 events, 2 sent: 2 accepted, 0 duplicate, 0 rejected; 2 lines with problems`
		);
	});

	it('prints the server message of a refused key and exits 2', async () => {
		fake = await startFakeIngest({
			refuse: { status: 401, message: 'unknown or revoked ingest key' }
		});
		const file = path.join(dir, 'queue_log');
		await writeFile(file, `${ENTER(1)}\n`);
		const { err, io } = capture();
		expect(await importQueueLog(file, options(fake.url), io)).toBe(2);
		expect(err).toEqual([
			`${fake.url}/api/v1/events answered HTTP 401: unknown or revoked ingest key`
		]);
	});

	it('counts a batch the server refuses (5xx) as not stored and exits 1', async () => {
		fake = await startFakeIngest({ refuse: { status: 503, message: 'database unavailable' } });
		const file = path.join(dir, 'queue_log');
		await writeFile(file, `${ENTER(1)}\n${ENTER(2)}\n`);
		const { out, err, io } = capture();
		expect(await importQueueLog(file, options(fake.url), io)).toBe(1);
		expect(err).toEqual([
			`${fake.url}/api/v1/events answered HTTP 503: database unavailable`,
			`${file}:1-2: 2 events not stored`
		]);
		expect(out[0]).toContain('0 sent: 0 accepted, 0 duplicate, 0 rejected, 2 not stored');
	});

	it('exits 2 with a clear message without a key or with an unknown zone', async () => {
		const previous = process.env.SIGAP_INGEST_KEY;
		delete process.env.SIGAP_INGEST_KEY;
		try {
			const noKey = capture();
			expect(
				await importQueueLog(
					PBXWARE,
					{ ...options('http://127.0.0.1:9'), key: undefined },
					noKey.io
				)
			).toBe(2);
			expect(noKey.err[0]).toContain('no ingest key: pass --key KEY or set SIGAP_INGEST_KEY');
		} finally {
			if (previous !== undefined) process.env.SIGAP_INGEST_KEY = previous;
		}
		const badZone = capture();
		expect(
			await importQueueLog(
				PBXWARE,
				{ ...options('http://127.0.0.1:9'), timezone: 'WIB' },
				badZone.io
			)
		).toBe(2);
		expect(badZone.err[0]).toContain('--timezone: unknown time zone "WIB"');
	});

	it('exits 2 for a file that cannot be read', async () => {
		const { err, io } = capture();
		expect(await importQueueLog(path.join(dir, 'missing'), options('http://127.0.0.1:9'), io)).toBe(
			2
		);
		expect(err[0]).toMatch(/cannot read .*missing: ENOENT/);
	});
});

describe('QueueLogTailer', () => {
	const row = (i: number) => `${1774348200 + i}|1774348190.${i}|q1|NONE|ENTERQUEUE||0812${i}|1`;
	const lines = (from: number, to: number) =>
		Array.from({ length: to - from }, (_, k) => `${row(from + k)}\n`).join('');
	const idsOf = (from: number, to: number) =>
		parseQueueLog(lines(from, to), { format: 'native' }).events.map((e) => e.event.id);

	function tailer(file: string, url: string, notes: TailNote[] = [], fromStart = true) {
		const t = new QueueLogTailer({
			file,
			format: 'native',
			fromStart,
			pollMs: 20,
			retry: { firstMs: 20, maxMs: 100 },
			send: (events, signal) => sendBatch({ url, key: KEY }, events, signal),
			note: (n) => notes.push(n)
		});
		void t.run();
		return t;
	}

	/**
	 * Until the tailer saved the whole file as acknowledged. The fake server holding an event
	 * is not enough before a stop(): a batch whose ack is still on its way is aborted and sent
	 * again on the next run (by design; the repeat is a duplicate), which a test must not race.
	 */
	const settled = (file: string) =>
		until(`${file} acknowledged to its end`, async () => {
			const saved = await readFile(`${file}.sigap-tail.json`, 'utf8').catch(() => '{}');
			return JSON.parse(saved).offset === (await stat(file)).size;
		});

	it('holds a partial line back, follows rotation and truncation, resumes after restart: every event exactly once', async () => {
		fake = await startFakeIngest();
		const server = fake;
		const file = path.join(dir, 'queue_log');
		const got = (n: number) => until(`${n} events`, () => server.received.length >= n);
		await writeFile(file, lines(0, 3) + row(3).slice(0, 25));
		let t = tailer(file, server.url);
		await got(3);
		await new Promise((r) => setTimeout(r, 150));
		expect(server.received).toHaveLength(3); // the partial row 3 waits for its newline

		await appendFile(file, `${row(3).slice(25)}\n${lines(4, 5)}`);
		await got(5);
		// Rotation: the writer's last line lands in the renamed file, then a new file starts.
		await rename(file, `${file}.1`);
		await appendFile(`${file}.1`, lines(5, 6));
		await writeFile(file, lines(6, 8));
		await got(8);
		await settled(file);
		await t.stop();

		// While stopped: more lines, then another rotation. The restart finishes the old file first.
		await appendFile(file, lines(8, 10));
		await rename(file, `${file}.2`);
		await writeFile(file, lines(10, 11));
		const notes: TailNote[] = [];
		t = tailer(file, server.url, notes);
		await got(11);
		expect(notes.map((n) => n.text)).toContainEqual(expect.stringContaining(`finishing ${file}.2`));

		// Truncation (copytruncate): the file starts over and is read from 0. The tailer sees a
		// truncation by the size shrinking, so (as with `tail -F`) the new line is written only
		// after it noticed: written earlier, a line as long as the old content would go unseen.
		await truncate(file, 0);
		await until('the truncation noted', () => notes.some((n) => n.text.includes('was truncated')));
		await appendFile(file, lines(11, 12));
		await got(12);
		await settled(file);
		await t.stop();

		expect(server.received).toEqual(idsOf(0, 12));
		const state = JSON.parse(await readFile(`${file}.sigap-tail.json`, 'utf8'));
		expect(state).toMatchObject({ offset: lines(11, 12).length, line: 1 });
	});

	it('keeps lines while the server is down and sends them once it is up; state moves only after the ack', async () => {
		const port = await freePort();
		const file = path.join(dir, 'queue_log');
		await writeFile(file, lines(0, 2));
		const notes: TailNote[] = [];
		const t = tailer(file, `http://127.0.0.1:${port}`, notes);
		await until('a retry', () => notes.some((n) => n.kind === 'retry'));
		expect(notes.find((n) => n.kind === 'retry')!.text).toContain(
			`cannot reach the Sigap server at http://127.0.0.1:${port}`
		);
		const waiting = JSON.parse(await readFile(`${file}.sigap-tail.json`, 'utf8'));
		expect(waiting).toMatchObject({ offset: 0, line: 0 });

		fake = await startFakeIngest({ port });
		const server = fake;
		await until('2 events', () => server.received.length >= 2);
		await settled(file);
		await t.stop();
		expect(server.received).toEqual(idsOf(0, 2));
	});

	it('starts at the end without --from-start, and a restart keeps that point', async () => {
		fake = await startFakeIngest();
		const server = fake;
		const file = path.join(dir, 'queue_log');
		await writeFile(file, lines(0, 2));
		const notes: TailNote[] = [];
		let t = tailer(file, server.url, notes, false);
		await until('the start', () => notes.some((n) => n.text.includes('from its end')));
		await t.stop();
		await appendFile(file, lines(2, 3)); // written while stopped: must not be skipped
		t = tailer(file, server.url, [], false);
		await until('1 event', () => server.received.length >= 1);
		await appendFile(file, lines(3, 4));
		await until('2 events', () => server.received.length >= 2);
		await settled(file);
		await t.stop();
		expect(server.received).toEqual(idsOf(2, 4));
	});

	it('reports bad lines and rejections with FILE:LINE and still moves on', async () => {
		fake = await startFakeIngest({
			reject: (e) => (e.id === idsOf(2, 3)[0] ? 'unknown queue "q1"' : null)
		});
		const server = fake;
		const file = path.join(dir, 'queue_log');
		await writeFile(file, `${lines(0, 1)}garbage\n${lines(2, 4)}`);
		const notes: TailNote[] = [];
		const t = tailer(file, server.url, notes);
		await until('3 events', () => server.received.length >= 3);
		await settled(file);
		await t.stop();
		expect(notes.filter((n) => n.kind !== 'info')).toEqual([
			{
				kind: 'problem',
				text: `${file}:2: 1 field(s); a queue_log row needs at least 5 (time|callid|queuename|agent|event)`
			},
			{ kind: 'rejected', text: `${file}:3: rejected: queue unknown queue "q1"` }
		]);
		expect(t.stats).toMatchObject({ events: 3, accepted: 2, rejected: 1, problems: 1 });
	});
});

describe('sigap tail queue-log (spawned)', () => {
	it('streams appended lines and saves its state on SIGTERM', async () => {
		fake = await startFakeIngest();
		const server = fake;
		const file = path.join(dir, 'queue_log');
		const row = (i: number) => `${1774348200 + i}|1774348190.${i}|q1|NONE|ENTERQUEUE||0812${i}|1\n`;
		await writeFile(file, row(0));
		const tail = run([
			'tail',
			'queue-log',
			file,
			'--url',
			server.url,
			'--key',
			KEY,
			'--poll-ms',
			'50'
		]);
		await until('the start', () => tail.output().includes('following'), 20_000);
		await appendFile(file, row(1) + row(2));
		await until('2 events', () => server.received.length >= 2, 20_000);
		tail.child.kill('SIGTERM');
		const { code, stdout } = await tail.exit;
		expect(code).toBe(0);
		expect(stdout).toContain('stopped; 2 events sent: 2 accepted, 0 duplicate, 0 rejected');
		const state = JSON.parse(await readFile(`${file}.sigap-tail.json`, 'utf8'));
		expect(state).toMatchObject({ offset: (row(0) + row(1) + row(2)).length, line: 3 });
	});
});
