/**
 * `sigap import cooperatives FILE`: the Simkopdes registry export (CSV or JSON) into the
 * database, all or nothing. Opens the database directly (like `sigap key create`): with the
 * embedded PGlite the server must be stopped; with PostgreSQL it runs at any time, and the
 * running server picks the new registry up within a minute.
 */
import type { Command } from 'commander';
import type { CooperativeImportReport } from '../../lib/server/services/cooperative-import.service';
import { withDatabase } from '../with-database';

export interface Output {
	out: (line: string) => void;
	err: (line: string) => void;
}

const consoleOutput: Output = { out: (l) => console.log(l), err: (l) => console.error(l) };

/** Prints the report; the exit code: 0 stored, 1 problems (nothing stored), 2 unreadable file. */
export function reportImport(file: string, report: CooperativeImportReport, io: Output): number {
	for (const p of report.problems)
		io.err(`${file}${p.line === null ? '' : `:${p.line}`}: ${p.message}`);
	if (!report.stored) {
		io.err(
			`${file}: ${report.read} cooperatives read; nothing imported — ${report.problems.length} problem(s); the import is all or nothing, fix the file and run it again`
		);
		return report.read === 0 && report.problems.some((p) => p.message.startsWith('cannot read'))
			? 2
			: 1;
	}
	io.out(
		`${file}: ${report.read} cooperatives imported (${report.inserted} new, ${report.updated} updated), ${report.phones} manager phone numbers`
	);
	return 0;
}

export async function importCooperativesFile(
	file: string,
	io: Output = consoleOutput
): Promise<number> {
	const [{ FileCooperativeRegistry }, { importCooperatives }, repo] = await Promise.all([
		import('../../lib/server/ingest/registry/registry'),
		import('../../lib/server/services/cooperative-import.service'),
		import('../../lib/server/repositories/cooperative.repository')
	]);
	const report = await withDatabase((db) =>
		importCooperatives(
			{
				knownVillages: (codes) => repo.knownVillages(db, codes),
				save: (records, from, at) => repo.saveCooperatives(db, records, from, at),
				now: () => Date.now()
			},
			new FileCooperativeRegistry(file)
		)
	);
	return reportImport(file, report, io);
}

export function registerCooperativeImport(group: Command): void {
	group
		.command('cooperatives <file>')
		.description(
			'import the Simkopdes cooperative registry (CSV or JSON; all or nothing; re-import updates by id)'
		)
		.action(async (file: string) => {
			process.exitCode = await importCooperativesFile(file);
		});
}
