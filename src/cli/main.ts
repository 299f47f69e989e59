/** The `sigap` program: one `register` per command group (src/cli/commands/<name>.ts). */
import { Command } from 'commander';
import { register as registerAudit } from './commands/audit';
import { register as registerDeadLetters } from './commands/dead-letters';
import { register as registerImport } from './commands/import';
import { register as registerImportCases } from './commands/import-cases';
import { register as registerKey } from './commands/key';
import { register as registerQueue } from './commands/queue';
import { register as registerRollup } from './commands/rollup';
import { register as registerTail } from './commands/tail';
import { register as registerToken } from './commands/token';
import { register as registerUser } from './commands/user';
import { CliError } from './errors';

const program = new Command('sigap')
	.description('Sigap contact-center dashboard: administration and PBX input')
	.showHelpAfterError();

registerKey(program);
registerQueue(program);
registerImport(program);
registerImportCases(program);
registerTail(program);
registerRollup(program);
registerUser(program);
registerToken(program);
registerAudit(program);
registerDeadLetters(program);

try {
	await program.parseAsync(process.argv);
} catch (error) {
	// Expected errors (usage, configuration) exit 2 with their message; the rest crash loudly.
	if (!(error instanceof CliError)) throw error;
	console.error(`sigap: ${error.message}`);
	process.exitCode = 2;
}
