/**
 * `sigap dead-letters list [--source S] [--limit N]`: what the live adapters (AMI, WhatsApp,
 * Chatwoot) received and could not understand, newest first, with source, time and reason.
 * `sigap dead-letters reprocess [--source S] [--id N] [--url URL --email E]`: through their
 * adapters again after a fix. Both open the database directly (server stopped with PGlite; any
 * time with PostgreSQL); `reprocess --url` asks the running server instead (reprocess.ts).
 */
import type { Command } from 'commander';
import { CliError } from '../errors';
import { withDatabase } from '../with-database';
import { registerReprocess } from './dead-letters-reprocess';

const repo = () => import('../../lib/server/repositories/dead-letter.repository');

/** One line per letter: id, received (UTC ISO), source, reason, then the payload's head. */
export function formatDeadLetter(l: {
	id: number;
	source: string;
	reason: string;
	payload: string;
	receivedAt: number;
	attempts?: number;
	lastReason?: string | null;
}): string {
	const head = l.payload.replace(/\s+/g, ' ').slice(0, 120);
	const again = l.lastReason
		? `\n\tstill failing after ${l.attempts} attempt(s): ${l.lastReason}`
		: '';
	return `${l.id}\t${new Date(l.receivedAt).toISOString()}\t${l.source}\t${l.reason}${again}\n\t${head}`;
}

export function register(program: Command): void {
	const group = program
		.command('dead-letters')
		.description('input the live adapters kept because they could not understand it');
	group
		.command('list')
		.description('list dead letters, newest first')
		.option('--source <name>', 'only this source (whatsapp, chatwoot, ami:<pbx source>)')
		.option('--limit <n>', 'at most this many', '50')
		.action(async ({ source, limit }: { source?: string; limit: string }) => {
			if (!/^\d+$/.test(limit) || Number(limit) < 1)
				throw new CliError('--limit must be a whole number ≥ 1');
			const { listDeadLetters, countDeadLetters } = await repo();
			const [letters, total] = await withDatabase(
				async (db) =>
					[
						await listDeadLetters(db, { source, limit: Number(limit) }),
						await countDeadLetters(db, source)
					] as const
			);
			for (const l of letters) console.log(formatDeadLetter(l));
			console.error(
				`${letters.length} of ${total} dead letter(s)${source ? ` from ${source}` : ''}`
			);
		});
	registerReprocess(group);
}
