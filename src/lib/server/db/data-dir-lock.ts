/**
 * PGlite has no cross-process lock and two processes on one directory corrupt it silently
 * (STACK.md). We hold a lock (proper-lockfile: a `<dir>.lock` folder whose mtime we keep
 * fresh) for as long as the database is open; a crashed holder's lock goes stale in 10 s.
 */
import { mkdir } from 'node:fs/promises';
import lockfile from 'proper-lockfile';

export class DataDirLockedError extends Error {
	constructor(readonly dataDir: string) {
		super(
			`Another process is using the embedded database in ${dataDir} ` +
				`(lock ${dataDir}.lock). Stop that Sigap process first, or set SIGAP_DATA_DIR to ` +
				`another folder, or use PostgreSQL with DATABASE_URL. (If that process was killed, ` +
				`its lock expires within 10 seconds; then try again.)`
		);
		this.name = 'DataDirLockedError';
	}
}

export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
	await mkdir(dataDir, { recursive: true });
	try {
		return await lockfile.lock(dataDir, {
			stale: 10_000,
			update: 2_000,
			retries: 0,
			realpath: false,
			onCompromised: (error) => {
				console.error(`sigap: lost the lock on ${dataDir}: ${error.message}`);
				process.exit(70);
			}
		});
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dataDir);
		throw error;
	}
}
