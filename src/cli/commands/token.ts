/** `sigap token create --user EMAIL --name NAME` / `token list` / `token revoke ID`: API tokens. */
import type { Command } from 'commander';
import { CliError } from '../errors';
import { withAccess } from '../with-access';

const tokens = () => import('../../lib/server/services/access/tokens.service');
const errors = () => import('../../lib/server/services/access/errors');

async function expected<T>(run: () => Promise<T>): Promise<T> {
	const { AccessError } = await errors();
	try {
		return await run();
	} catch (error) {
		if (error instanceof AccessError) throw new CliError(error.message);
		throw error;
	}
}

export function register(program: Command): void {
	const token = program
		.command('token')
		.description('personal API tokens for the read APIs (scoped like their owner, stored hashed)');
	token
		.command('create')
		.description('create an API token for a user and print it once')
		.requiredOption('--user <email>', 'the owner')
		.requiredOption('--name <name>', 'what it is for, e.g. "weekly report script"')
		.action(async (o: { user: string; name: string }) => {
			const created = await withAccess(async (deps, actor) =>
				expected(async () => (await tokens()).createApiToken(deps, o, actor))
			);
			console.error(`API token ${created.id} for ${o.user} (shown once; only its hash is stored):`);
			console.log(created.token);
		});
	token
		.command('list')
		.description('list API tokens (prefix only)')
		.action(async () => {
			const rows = await withAccess(async (deps) => (await tokens()).listApiTokens(deps));
			for (const r of rows) {
				const state = r.revokedAt ? `revoked ${r.revokedAt.toISOString()}` : 'active';
				console.log(`${r.id}\t${r.email}\t${r.name}\t${r.tokenPrefix}…\t${state}`);
			}
		});
	token
		.command('revoke <id>')
		.description('revoke an API token by id')
		.action(async (id: string) => {
			if (!/^\d+$/.test(id)) throw new CliError('id must be a number (see sigap token list)');
			await withAccess(async (deps, actor) =>
				expected(async () => (await tokens()).revokeApiToken(deps, Number(id), actor))
			);
			console.log(`API token ${id} revoked`);
		});
}
