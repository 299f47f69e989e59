/**
 * `sigap user create --role admin --email … [--provinces 61,62] [--issue-types …] [--agent-id …]`
 * (password prompted, or the first line of stdin), `sigap user list`, `sigap user password EMAIL`.
 */
import type { Command } from 'commander';
import { CliError } from '../errors';
import { readPassword } from '../read-password';
import { withAccess } from '../with-access';

const users = () => import('../../lib/server/services/access/users.service');
const errors = () => import('../../lib/server/services/access/errors');

interface CreateOptions {
	email: string;
	role: string;
	name?: string;
	provinces?: string;
	issueTypes?: string;
	agentId?: string;
}

/** Expected failures (bad input, duplicates) become CLI errors with their message. */
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
	const user = program.command('user').description('user accounts, roles and scopes');
	user
		.command('create')
		.description('create a user; the password is prompted for, or read from stdin')
		.requiredOption('--email <email>', 'sign-in e-mail')
		.requiredOption('--role <role>', 'admin, leadership, supervisor, team_lead or agent')
		.option('--name <name>', 'display name (default: the e-mail)')
		.option('--provinces <codes>', 'BPS province codes, comma-separated (empty: national)')
		.option('--issue-types <codes>', 'issue-type codes, comma-separated (empty: all)')
		.option('--agent-id <id>', 'the agent this user works as (agents see their own cases)')
		.action(async (o: CreateOptions) => {
			const password = await readPassword();
			const created = await withAccess(async (deps, actor) =>
				expected(async () => (await users()).createUser(deps, { ...o, password }, actor))
			);
			const scope = created.provinces.length ? created.provinces.join(',') : 'national';
			console.log(
				`user ${created.id} ${created.email} created: ${created.role}, provinces ${scope}`
			);
		});
	user
		.command('list')
		.description('list users with role and scope')
		.action(async () => {
			const rows = await withAccess(async (deps) => (await users()).listUsers(deps));
			for (const u of rows) {
				const where = u.provinces.join(',') || '*';
				const what = u.issueTypes.join(',') || '*';
				console.log(
					`${u.id}\t${u.email}\t${u.role}\t${where}\t${what}\t${u.active ? 'active' : 'disabled'}`
				);
			}
		});
	user
		.command('password <email>')
		.description('set a new password (prompted, or read from stdin)')
		.action(async (email: string) => {
			const password = await readPassword();
			const { passwordSchema } = await import('../../lib/contracts/access');
			const checked = passwordSchema.safeParse(password);
			if (!checked.success) throw new CliError(`password: ${checked.error.issues[0]?.message}`);
			await withAccess(async (deps, actor) =>
				expected(async () => (await users()).setPassword(deps, email, password, actor))
			);
			console.log(`password of ${email} changed`);
		});
}
