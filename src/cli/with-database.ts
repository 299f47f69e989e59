/**
 * Administrative CLI commands open the database directly. With PGlite only one process may
 * do so: if the server holds it, say so and how to proceed, instead of waiting or corrupting.
 */
import { loadConfig } from '../lib/server/config';
import type { Database, Db } from '../lib/server/db';
import { CliError } from './errors';

export { CliError };

/** Loaded on use, so `sigap --help` and the HTTP commands do not pay for the database. */
export async function withDatabase<T>(
	work: (db: Db, database: Database) => Promise<T>
): Promise<T> {
	const [{ openDatabase }, { DataDirLockedError }, { seedReference }] = await Promise.all([
		import('../lib/server/db'),
		import('../lib/server/db/data-dir-lock'),
		import('../lib/server/repositories/reference.repository')
	]);
	const config = loadConfig();
	let database;
	try {
		database = await openDatabase(config.database);
	} catch (error) {
		if (error instanceof DataDirLockedError) {
			throw new CliError(
				`${error.message}\nWith the embedded database, administrative commands run while the server is stopped.`
			);
		}
		throw new CliError(`cannot open the database: ${(error as Error).message}`);
	}
	try {
		await seedReference(database.db);
		return await work(database.db, database);
	} finally {
		await database.close();
	}
}
