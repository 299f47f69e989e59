/**
 * Administrative CLI commands open the database directly. With PGlite only one process may
 * do so: if the server holds it, say so and how to proceed, instead of waiting or corrupting.
 */
import { loadConfig } from '../lib/server/config';
import { openDatabase, type Db } from '../lib/server/db';
import { DataDirLockedError } from '../lib/server/db/data-dir-lock';
import { seedReference } from '../lib/server/repositories/reference.repository';

export class CliError extends Error {}

export async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
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
		return await work(database.db);
	} finally {
		await database.close();
	}
}
