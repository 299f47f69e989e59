/** `sigap audit verify`: walks the audit log's hash chain and names the first broken link. */
import type { Command } from 'commander';
import { withDatabase } from '../with-database';

export function register(program: Command): void {
	const audit = program.command('audit').description('the tamper-evident audit log');
	audit
		.command('verify')
		.description('check the hash chain; exit 1 and name the first broken entry if any')
		.action(async () => {
			const { verifyAudit } = await import('../../lib/server/services/access/audit.service');
			const report = await withDatabase((db) => verifyAudit(db));
			if (report.ok) {
				console.log(`audit log intact: ${report.count} entries, head ${report.head}`);
				return;
			}
			console.error(`audit log BROKEN at entry ${report.brokenAt}: ${report.reason}`);
			process.exitCode = 1;
		});
}
