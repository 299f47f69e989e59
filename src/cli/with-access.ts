/**
 * The access services for CLI commands: the database, configuration and reference data, a
 * bus nobody listens to (a running server re-checks sockets in its periodic sweep), and the
 * operating-system user as the audit actor.
 */
import os from 'node:os';
import { loadConfig } from '../lib/server/config';
import type { Actor } from '../lib/server/services/access/audit.service';
import type { AccessDeps } from '../lib/server/services/access/deps';
import { withDatabase } from './with-database';

export async function withAccess<T>(
	work: (deps: AccessDeps, actor: Actor) => Promise<T>
): Promise<T> {
	const [{ DomainBus }, { loadReference }, { systemClock }] = await Promise.all([
		import('../lib/server/events/bus'),
		import('../lib/server/repositories/reference.repository'),
		import('../lib/server/container')
	]);
	return withDatabase(async (db) => {
		const deps = {
			database: { db } as AccessDeps['database'],
			clock: systemClock,
			config: loadConfig(),
			reference: await loadReference(db),
			bus: new DomainBus()
		};
		const actor: Actor = { principal: null, address: null, name: `cli:${os.userInfo().username}` };
		return work(deps, actor);
	});
}
