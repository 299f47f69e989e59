/** Options shared by `sigap import` and `sigap tail`: input format, zone, server and key. */
import { type Command, Option } from 'commander';
import { QUEUE_LOG_FORMATS, type QueueLogFormat } from '../lib/server/ingest/queue-log/parse';
import { timeZoneProblem } from '../lib/server/ingest/queue-log/zoned-time';
import type { IngestTarget } from './ingest-client';

export interface IngestCliOptions {
	format: QueueLogFormat;
	url: string;
	key?: string;
	timezone: string;
}

export function addIngestOptions(command: Command): Command {
	return command
		.addOption(
			new Option('--format <format>', 'input format').choices(QUEUE_LOG_FORMATS).default('native')
		)
		.option(
			'--url <url>',
			'Sigap server (env SIGAP_URL)',
			process.env.SIGAP_URL || 'http://localhost:3000'
		)
		.option('--key <key>', 'ingest key (env SIGAP_INGEST_KEY; create one: sigap key create)')
		.option('--timezone <zone>', 'IANA zone of timestamps without offset (Wazo/XiVO dumps)', 'UTC');
}

/** The server and key to send to, or the usage problem to report (exit 2). */
export function ingestTarget(o: IngestCliOptions): IngestTarget | string {
	const key = o.key ?? process.env.SIGAP_INGEST_KEY;
	if (!key) {
		return 'no ingest key: pass --key KEY or set SIGAP_INGEST_KEY (create one with `npx sigap key create --source NAME`)';
	}
	if (!/^https?:\/\/[^/]/.test(o.url)) return `--url must be an http(s) URL, got "${o.url}"`;
	const zone = timeZoneProblem(o.timezone);
	if (zone) return `--timezone: ${zone}`;
	return { url: o.url, key };
}
