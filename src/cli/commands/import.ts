/** `sigap import queue-log FILE`: parse a whole queue_log and send it to the ingest API. */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { WireEvent } from '../../lib/contracts/ingest';
import { splitBatches } from '../../lib/server/ingest/batches';
import { parseQueueLog, type QueueLogParse } from '../../lib/server/ingest/queue-log/parse';
import { countResults, type ResultCounts } from '../../lib/server/ingest/results';
import { IngestRequestError, sendBatch, type IngestTarget } from '../ingest-client';
import { addIngestOptions, ingestTarget, type IngestCliOptions } from '../ingest-options';
import { registerCooperativeImport } from './import-cooperatives';

export interface Output {
	out: (line: string) => void;
	err: (line: string) => void;
}

const consoleOutput: Output = { out: (l) => console.log(l), err: (l) => console.error(l) };

interface Tally extends ResultCounts {
	sent: number;
	notStored: number;
}

function summary(file: string, parsed: QueueLogParse, t: Tally): string[] {
	const notStored = t.notStored ? `, ${t.notStored} not stored` : '';
	const lines = [
		`${file}: ${parsed.lines} lines, ${parsed.events.length} events, ${t.sent} sent: ` +
			`${t.accepted} accepted, ${t.duplicate} duplicate, ${t.rejected} rejected${notStored}; ` +
			`${parsed.problems.length} lines with problems`
	];
	const ignored = Object.entries(parsed.ignored).sort((a, b) => b[1] - a[1]);
	if (ignored.length) {
		const list = ignored.map(([name, n]) => `${name} ${n}`).join(', ');
		lines.push(`ignored (stored as pbx.other, not in metrics): ${list}`);
	}
	return lines;
}

async function sendAll(
	file: string,
	target: IngestTarget,
	parsed: QueueLogParse,
	t: Tally,
	io: Output
): Promise<'done' | 'abort'> {
	for (const batch of splitBatches(parsed.events, (e) => e.event)) {
		const lineOf = (i: number) => batch[i]?.line ?? '?';
		try {
			const answer = await sendBatch(
				target,
				batch.map((e): WireEvent => e.event)
			);
			t.sent += batch.length;
			countResults(
				answer,
				t,
				(i, why) => io.err(`${file}:${lineOf(i)}: rejected: ${why}`),
				(i, what) => io.err(`${file}:${lineOf(i)}: warning: ${what}`)
			);
		} catch (error) {
			if (!(error instanceof IngestRequestError)) throw error;
			io.err(error.message);
			// Unreachable or a refused key: every further batch would fail the same way.
			if (error.reason === 'unreachable' || error.status === 401 || error.status === 403) {
				return 'abort';
			}
			t.notStored += batch.length;
			io.err(`${file}:${lineOf(0)}-${lineOf(batch.length - 1)}: ${batch.length} events not stored`);
		}
	}
	return 'done';
}

/**
 * Runs the import; resolves with the exit code: 0 all accepted or duplicate, 1 something was
 * rejected, not stored or unparseable (the good events are still sent), 2 usage error,
 * unreadable file, unreachable server or refused key.
 */
export async function importQueueLog(
	file: string,
	o: IngestCliOptions,
	io = consoleOutput
): Promise<number> {
	const target = ingestTarget(o);
	if (typeof target === 'string') {
		io.err(`sigap import: ${target}`);
		return 2;
	}
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		io.err(`sigap import: cannot read ${file}: ${(error as Error).message}`);
		return 2;
	}
	const parsed = parseQueueLog(text, { format: o.format, timeZone: o.timezone, fileName: file });
	for (const p of parsed.problems) io.err(p.text);
	const tally: Tally = { sent: 0, accepted: 0, duplicate: 0, rejected: 0, notStored: 0 };
	const outcome = await sendAll(file, target, parsed, tally, io);
	for (const line of summary(file, parsed, tally)) io.out(line);
	if (outcome === 'abort') return 2;
	return tally.rejected || tally.notStored || parsed.problems.length ? 1 : 0;
}

export function register(program: Command): void {
	const group = program
		.command('import')
		.description('import input files (queue_log through the ingest API; the cooperative registry)');
	addIngestOptions(
		group
			.command('queue-log <file>')
			.description('import an Asterisk queue_log (native file or DB dump, or PBXware CSV)')
	).action(async (file: string, o: IngestCliOptions) => {
		process.exitCode = await importQueueLog(file, o);
	});
	registerCooperativeImport(group);
}
