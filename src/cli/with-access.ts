/**
 * The access services for CLI commands: the database, configuration and reference data, a
 * bus whose access changes are relayed to a running server on the same PostgreSQL (its open
 * sockets are re-checked at once; on PGlite the server is stopped while the CLI runs), and
 * the operating-system user as the audit actor.
 */
import os from 'node:os';
import { loadConfig } from '../lib/server/config';
import type { Actor } from '../lib/server/services/access/audit.service';
import type { AccessDeps } from '../lib/server/services/access/deps';
import { withDatabase } from './with-database';

export async function withAccess<T>(
	work: (deps: AccessDeps, actor: Actor) => Promise<T>
): Promise<T> {
	const [{ DomainBus }, { relayAccessChanges }, { loadReference }, { systemClock }] =
		await Promise.all([
			import('../lib/server/events/bus'),
			import('../lib/server/events/access-relay'),
			import('../lib/server/repositories/reference.repository'),
			import('../lib/server/container')
		]);
	return withDatabase(async (db, database) => {
		const bus = new DomainBus();
		const relay = await relayAccessChanges(database, bus);
		const deps = {
			database: { db } as AccessDeps['database'],
			clock: systemClock,
			config: loadConfig(),
			reference: await loadReference(db),
			bus
		};
		const actor: Actor = { principal: null, address: null, name: `cli:${os.userInfo().username}` };
		try {
			return await work(deps, actor);
		} finally {
			await relay.close();
		}
	});
}
