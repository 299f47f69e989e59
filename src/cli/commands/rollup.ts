/** `sigap rollup rebuild --from YYYY-MM-DD --to YYYY-MM-DD`: recompute the trend rollups. */
import type { Command } from 'commander';
import { DAY_MS, wibMidnight } from '../../lib/domain/time/wib';
import { CliError } from '../errors';
import { withContainer } from '../with-container';

/** The WIB days from `from` to `to`, both included, as [start, end). */
export function rebuildRange(from: string, to: string): { from: number; to: number } {
	const start = wibMidnight(from);
	const end = wibMidnight(to);
	if (start === null) throw new CliError(`--from: "${from}" is not a date YYYY-MM-DD`);
	if (end === null) throw new CliError(`--to: "${to}" is not a date YYYY-MM-DD`);
	if (end < start) throw new CliError(`--to (${to}) is before --from (${from})`);
	return { from: start, to: end + DAY_MS };
}

export function register(program: Command): void {
	const rollup = program.command('rollup').description('trend rollups (per hour and WIB day)');
	rollup
		.command('rebuild')
		.description('re-derive the contacts of a range of WIB days and recount their rollup cells')
		.requiredOption('--from <date>', 'first WIB day, YYYY-MM-DD')
		.requiredOption('--to <date>', 'last WIB day (included), YYYY-MM-DD')
		.action(async (o: { from: string; to: string }) => {
			const range = rebuildRange(o.from, o.to);
			const { rebuildRollups } = await import('../../lib/server/services/rollups/rebuild');
			await withContainer(async (c) => {
				await c.rollups.flush();
				const started = Date.now();
				const report = await rebuildRollups(
					{ db: c.database.db, settings: () => c.live.settings, sla: () => c.live.sla },
					range,
					(line) => console.error(line)
				);
				console.log(
					`rollups ${o.from}..${o.to}: ${report.contacts} contacts re-derived ` +
						`(${report.changed} changed), ${report.cells} cells, ${Date.now() - started} ms`
				);
			});
		});
}
