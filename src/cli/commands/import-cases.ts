/**
 * `sigap import cases FILE --map MAPPING`: past cases from another system's CSV export, with a
 * column mapping file (README "History import"). Runs on the whole container, like the server
 * (with the embedded database, while the server is stopped). Exit 0: every row imported or
 * already imported; 1: some rows rejected (listed with line and reason); 2: nothing imported
 * (bad file or mapping).
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CliError } from '../errors';
import { withContainer } from '../with-container';

/** A clock the import moves to each milestone; otherwise the wall clock. */
function movableClock() {
	let fixed: number | null = null;
	return {
		now: () => fixed ?? Date.now(),
		set: (t: number) => void (fixed = t)
	};
}

async function readText(file: string, what: string): Promise<string> {
	try {
		return await readFile(file, 'utf8');
	} catch (error) {
		throw new CliError(`cannot read ${what} ${file}: ${(error as Error).message}`);
	}
}

export async function importCasesCommand(file: string, mapFile: string): Promise<number> {
	const [csv, mapping] = [await readText(file, 'CSV'), await readText(mapFile, 'mapping')];
	const { importCases } = await import('../../lib/server/services/history-import/import-cases');
	const clock = movableClock();
	return withContainer(async (c) => {
		const started = Date.now();
		const result = await importCases(c, clock, csv, mapping);
		if (!result.ok) {
			console.error(`sigap import cases: ${result.message}\nnothing was imported`);
			return 2;
		}
		const r = result.report;
		for (const x of r.rejected)
			console.error(`${file}:${x.line}: ${x.id || '(no id)'}: ${x.reason}`);
		console.log(
			`${file}: ${r.rows} rows: ${r.imported} imported as cases, ${r.duplicates} imported before, ` +
				`${r.rejected.length} rejected (source ${r.source}, ${Date.now() - started} ms)`
		);
		// A server running beside us on PostgreSQL keeps its open cases and SLA timers in memory
		// from its start (one process owns them; README "Scale-out"): it sees these at restart.
		if (r.imported && c.database.kind === 'postgres')
			console.log('a Sigap server already running on this database lists them after its restart');
		return r.rejected.length ? 1 : 0;
	}, clock);
}

export function register(program: Command): void {
	const group =
		program.commands.find((c) => c.name() === 'import') ??
		program.command('import').description('import input files');
	group
		.command('cases <file>')
		.description('import past cases from a CSV export of another system')
		.requiredOption('--map <mapping>', 'column mapping file (JSON; see README "History import")')
		.action(async (file: string, o: { map: string }) => {
			process.exitCode = await importCasesCommand(file, o.map);
		});
}
