/**
 * The database client, chosen by configuration: PostgreSQL through `postgres` when
 * DATABASE_URL is set, else embedded PGlite in SIGAP_DATA_DIR. Migrations in drizzle/ run
 * at open; running them twice is a no-op. Only repositories use what this returns.
 */
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { Config } from '../config';
import { lockDataDir } from './data-dir-lock';
import { migrationsFolder } from './migrations-folder';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
	db: Db;
	kind: 'postgres' | 'pglite';
	/** Where it lives, for logs and messages (never the password). */
	describe: string;
	ping(): Promise<void>;
	/** A tarball of the whole PGlite database (tests keep a migrated, seeded template). */
	dump?(): Promise<Blob>;
	/**
	 * PostgreSQL's LISTEN/NOTIFY, for facts other processes on the same database must hear
	 * (a revocation from the CLI). PGlite has one process only, so it has neither.
	 */
	notify?(channel: string, payload: string): Promise<void>;
	listen?(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
	close(): Promise<void>;
}

/** In-memory PGlite for tests: no directory, no lock. */
export const MEMORY = 'memory://';

/**
 * Opens and migrates the configured database. `template` (tests only) starts an in-memory
 * PGlite from a dump of an already migrated and seeded one, skipping initdb and seeding.
 */
export async function openDatabase(target: Config['database'], template?: Blob): Promise<Database> {
	return target.kind === 'postgres'
		? openPostgres(target.url)
		: openPglite(target.dataDir, template);
}

async function openPostgres(url: string): Promise<Database> {
	const client = postgres(url, { max: 10, onnotice: () => {} });
	const db = drizzlePostgres(client, { schema }) as unknown as Db;
	try {
		await migratePostgres(drizzlePostgres(client), { migrationsFolder: migrationsFolder() });
	} catch (error) {
		await client.end({ timeout: 1 });
		throw error;
	}
	const { hostname, port, pathname } = new URL(url);
	return {
		db,
		kind: 'postgres',
		describe: `PostgreSQL ${hostname}:${port || 5432}${pathname}`,
		ping: async () => void (await client`select 1`),
		notify: async (channel, payload) => void (await client.notify(channel, payload)),
		listen: async (channel, onPayload) => {
			const { unlisten } = await client.listen(channel, onPayload);
			return unlisten;
		},
		close: () => client.end({ timeout: 5 })
	};
}

async function openPglite(dataDir: string, template?: Blob): Promise<Database> {
	const memory = dataDir === MEMORY;
	const release = memory ? async () => {} : await lockDataDir(dataDir);
	try {
		const client = memory ? new PGlite({ loadDataDir: template }) : new PGlite(dataDir);
		await client.waitReady;
		const db = drizzlePglite(client, { schema });
		await migratePglite(db, { migrationsFolder: migrationsFolder() });
		return {
			db: db as unknown as Db,
			kind: 'pglite',
			describe: memory ? 'PGlite (in memory)' : `PGlite ${dataDir}`,
			ping: async () => void (await client.query('select 1')),
			dump: () => client.dumpDataDir('none'),
			close: async () => {
				await client.close();
				await release();
			}
		};
	} catch (error) {
		await release();
		throw error;
	}
}
