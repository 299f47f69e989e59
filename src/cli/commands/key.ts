/** `sigap key create --source NAME` / `sigap key list` / `sigap key revoke ID`. */
import type { Command } from 'commander';
import { CliError } from '../errors';
import { withAccess } from '../with-access';
import { withDatabase } from '../with-database';

const keys = () => import('../../lib/server/repositories/ingest-key.repository');
/** Creating and revoking keys goes through the service, so it is on the audit record (issue 5). */
const tokens = () => import('../../lib/server/services/access/tokens.service');

const SOURCE = /^[a-z0-9][a-z0-9._-]{0,62}$/;

export function register(program: Command): void {
	const key = program
		.command('key')
		.description('ingest keys, one or more per source (stored hashed)');
	key
		.command('create')
		.description('create an ingest key for a source and print it once')
		.requiredOption('--source <name>', 'source name, e.g. pbx-jakarta or chatbot')
		.action(async ({ source }: { source: string }) => {
			if (!SOURCE.test(source)) {
				throw new CliError(
					'--source: lower-case letters, digits, ".", "_" or "-", at most 63 characters'
				);
			}
			const created = await withAccess(async (deps, actor) =>
				(await tokens()).createIngestKey(deps, source, actor)
			);
			console.error(`Ingest key for source "${source}" (shown once; only its hash is stored):`);
			console.log(created);
		});
	key
		.command('list')
		.description('list ingest keys (prefix only)')
		.action(async () => {
			const rows = await withDatabase(async (db) => (await keys()).listIngestKeys(db));
			for (const r of rows) {
				const state = r.revokedAt ? `revoked ${r.revokedAt.toISOString()}` : 'active';
				console.log(
					`${r.id}\t${r.source}\t${r.keyPrefix}…\t${r.createdAt.toISOString()}\t${state}`
				);
			}
		});
	key
		.command('revoke <id>')
		.description('revoke an ingest key by id')
		.action(async (id: string) => {
			if (!/^\d+$/.test(id)) throw new CliError('id must be a number (see sigap key list)');
			await withAccess(async (deps, actor) => {
				try {
					await (await tokens()).revokeIngestKey(deps, Number(id), actor);
				} catch (error) {
					if ((error as Error).name !== 'AccessError') throw error;
					throw new CliError(`no active key with id ${id}`);
				}
			});
			console.log(`key ${id} revoked`);
		});
}
