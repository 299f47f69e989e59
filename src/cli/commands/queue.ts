/** `sigap queue add NAME --issue-type CODE …` / `sigap queue list`: queues are data. */
import type { Command } from 'commander';
import { CliError } from '../errors';
import { withDatabase } from '../with-database';

const reference = () => import('../../lib/server/repositories/reference.repository');

interface AddOptions {
	issueType?: string;
	label?: string;
	serviceLevelSeconds: string;
	shortAbandonSeconds: string;
	goal: string;
}

function wholeNumber(name: string, value: string, max: number): number {
	if (!/^\d+$/.test(value) || Number(value) > max)
		throw new CliError(`${name} must be a whole number from 0 to ${max}`);
	return Number(value);
}

export function register(program: Command): void {
	const queue = program.command('queue').description('PBX queues and the issue type each serves');
	queue
		.command('add <name>')
		.description('add or update a queue')
		.option('--issue-type <code>', 'issue type the queue serves (default: unknown)')
		.option('--label <text>', 'display label')
		.option('--service-level-seconds <T>', 'service-level threshold T', '20')
		.option('--short-abandon-seconds <S>', 'short-abandon threshold S', '5')
		.option('--goal <percent>', 'service-level goal', '80')
		.action(async (name: string, o: AddOptions) => {
			if (!/^[A-Za-z0-9._-]{1,80}$/.test(name))
				throw new CliError('queue name: letters, digits, ".", "_" or "-"');
			const row = {
				name,
				label: o.label ?? name,
				issueTypeCode: o.issueType ?? null,
				serviceLevelSeconds: wholeNumber('--service-level-seconds', o.serviceLevelSeconds, 3600),
				shortAbandonSeconds: wholeNumber('--short-abandon-seconds', o.shortAbandonSeconds, 600),
				serviceLevelGoal: wholeNumber('--goal', o.goal, 100)
			};
			await withDatabase(async (db) => {
				const { loadReference, upsertQueue } = await reference();
				const known = (await loadReference(db)).issueTypes.map((t) => t.code);
				if (row.issueTypeCode && !known.includes(row.issueTypeCode)) {
					throw new CliError(
						`unknown issue type "${row.issueTypeCode}"; known: ${known.join(', ')}`
					);
				}
				await upsertQueue(db, row);
			});
			console.log(`queue ${name} saved`);
		});
	queue
		.command('list')
		.description('list queues')
		.action(async () => {
			const queues = await withDatabase(async (db) => (await reference()).loadQueues(db));
			for (const q of queues) {
				console.log(
					`${q.name}\t${q.issueTypeCode ?? 'unknown'}\tT=${q.serviceLevelSeconds}s S=${q.shortAbandonSeconds}s goal=${q.serviceLevelGoal}%\t${q.label}`
				);
			}
		});
}
