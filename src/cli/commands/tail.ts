/** `sigap tail queue-log FILE`: follow a live queue_log and stream its events to Sigap. */
import type { Command } from 'commander';
import { QueueLogTailer } from '../../lib/server/ingest/queue-log/tail';
import { sendBatch } from '../ingest-client';
import { addIngestOptions, ingestTarget, type IngestCliOptions } from '../ingest-options';

interface TailCliOptions extends IngestCliOptions {
	state?: string;
	fromStart?: boolean;
	pollMs: string;
}

async function tailQueueLog(file: string, o: TailCliOptions): Promise<number> {
	const target = ingestTarget(o);
	const pollMs = Number(o.pollMs);
	if (typeof target === 'string' || !(Number.isInteger(pollMs) && pollMs >= 10)) {
		const problem = typeof target === 'string' ? target : '--poll-ms must be a whole number ≥ 10';
		console.error(`sigap tail: ${problem}`);
		return 2;
	}
	const tailer = new QueueLogTailer({
		file,
		format: o.format,
		timeZone: o.timezone,
		statePath: o.state,
		fromStart: o.fromStart,
		pollMs,
		send: (events, signal) => sendBatch(target, events, signal),
		note: ({ kind, text }) => (kind === 'info' ? console.log : console.error)(`sigap tail: ${text}`)
	});
	const stop = () => void tailer.stop();
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
	try {
		await tailer.run();
	} catch (error) {
		console.error(`sigap tail: ${(error as Error).message}`);
		return 2;
	}
	const s = tailer.stats;
	console.log(
		`sigap tail: stopped; ${s.events} events sent: ${s.accepted} accepted, ${s.duplicate} duplicate, ` +
			`${s.rejected} rejected; ${s.problems} lines with problems`
	);
	return 0;
}

export function register(program: Command): void {
	const group = program.command('tail').description('follow live input files');
	addIngestOptions(
		group
			.command('queue-log <file>')
			.description('follow a growing Asterisk queue_log like tail -F (rotation, restarts)')
	)
		.option(
			'--state <file>',
			'where the acknowledged offset is kept (default FILE.sigap-tail.json)'
		)
		.option('--from-start', 'without saved state, read the file from its start (default: its end)')
		.option('--poll-ms <ms>', 'how often to look for new lines', '500')
		.action(async (file: string, o: TailCliOptions) => {
			process.exitCode = await tailQueueLog(file, o);
		});
}
