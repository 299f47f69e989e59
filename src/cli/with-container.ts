/**
 * Commands that need the services (settings, SLA evaluator, bus), not only the database:
 * they run on a whole container, like the server. With PGlite the server must be stopped.
 */
import { loadConfig } from '../lib/server/config';
import type { Clock, Container } from '../lib/server/container';
import { CliError } from './errors';

/** Loaded on use, so `sigap --help` does not pay for the database. */
export async function withContainer<T>(
	work: (c: Container) => Promise<T>,
	clock?: Clock
): Promise<T> {
	const [{ createContainer }, { DataDirLockedError }] = await Promise.all([
		import('../lib/server/container'),
		import('../lib/server/db/data-dir-lock')
	]);
	let container: Container;
	try {
		container = await createContainer(loadConfig(), clock);
	} catch (error) {
		if (error instanceof DataDirLockedError) {
			throw new CliError(
				`${error.message}\nWith the embedded database, this command runs while the server is stopped.`
			);
		}
		throw new CliError(`cannot open the database: ${(error as Error).message}`);
	}
	try {
		return await work(container);
	} finally {
		await container.close();
	}
}
