/**
 * The SLA scheduler against the real store, with a clock the test moves (sla.md §States):
 * a case crosses at-risk and breach at the exact instants; a restart in between records what
 * fell due while it was down exactly once, publishes it once, and repeats nothing. On PGlite
 * (the store carried across the restart as a dump) and PostgreSQL (one scratch database).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/lib/server/config';
import { createContainer, type Container } from '../../src/lib/server/container';
import { MEMORY } from '../../src/lib/server/db';
import { DomainBus } from '../../src/lib/server/events/bus';
import { countTransitions } from '../../src/lib/server/repositories/sla-transition.repository';
import { FakeTimers } from '../support/fake-timers';
import { serveCases as serve } from './cases-routes';
import { createCase, fastPolicy } from './cases-client';
import { pgliteTemplate, scratchPostgres, type DbKind } from './harness';

const M = 60_000;
const T0 = Date.parse('2026-03-09T08:00:00+07:00');

/** Where the store lives between "processes". */
interface Store {
	open(clock: FakeTimers): Promise<Container>;
	/** Before a container closes: keep what it stored. */
	keep(c: Container): Promise<void>;
	drop(): Promise<void>;
}

async function storeFor(kind: DbKind): Promise<Store> {
	if (kind === 'postgres') {
		const scratch = await scratchPostgres();
		const config = loadConfig({ DATABASE_URL: scratch.url });
		return {
			open: (clock) => createContainer(config, clock),
			keep: async () => {},
			drop: scratch.drop
		};
	}
	let dump = await pgliteTemplate();
	const config = loadConfig({ SIGAP_DATA_DIR: '/nonexistent' });
	config.database = { kind: 'pglite', dataDir: MEMORY };
	return {
		open: (clock) => createContainer(config, clock, dump),
		keep: async (c) => void (dump = await c.database.dump!()),
		drop: async () => {}
	};
}

/** Every `sla:transitioned` published by any container, with the clock's instant then. */
function spyTransitions(clock: FakeTimers): string[] {
	const out: string[] = [];
	const publish = DomainBus.prototype.publish;
	vi.spyOn(DomainBus.prototype, 'publish').mockImplementation(function (
		this: DomainBus,
		name,
		payload
	) {
		if (name === 'sla:transitioned') {
			const f = payload as { target: string; to: string; at: string };
			out.push(
				`${f.target}:${f.to} at ${(Date.parse(f.at) - T0) / M} published ${(clock.now() - T0) / M}`
			);
		}
		return publish.call(this, name, payload as never);
	});
	return out;
}

describe.each<DbKind>(['pglite', 'postgres'])('SLA scheduler on %s', (kind) => {
	afterEach(() => vi.restoreAllMocks());

	it('fires at-risk and breach at their instants; a restart loses nothing and repeats nothing', async () => {
		const store = await storeFor(kind);
		const clock = new FakeTimers(T0);
		const seen = spyTransitions(clock);
		try {
			const a = await store.open(clock);
			const web = await serve(a);
			await fastPolicy(web.url, 'informasi_umum', 10, 60);
			const kase = await createCase(web.url, { issueType: 'informasi_umum' });
			const atRisk = Date.parse(kase.sla.firstResponse.atRiskAt!);
			const due = Date.parse(kase.sla.firstResponse.dueAt!);
			expect([(atRisk - T0) / M, (due - T0) / M]).toEqual([8, 10]);
			expect(a.cases.scheduler.armedAt).toBe(atRisk);

			await clock.advanceTo(atRisk - 1, () => a.cases.scheduler.idle());
			expect(seen).toEqual([]);
			await clock.advanceTo(atRisk, () => a.cases.scheduler.idle());
			expect(seen).toEqual(['firstResponse:at_risk at 8 published 8']);
			expect(a.cases.scheduler.armedAt).toBe(due);
			await web.close();
			await store.keep(a);
			await a.close();

			// Down across the breach; back 20 minutes after it.
			clock.t = due + 20 * M;
			const b = await store.open(clock);
			expect(seen).toEqual([
				'firstResponse:at_risk at 8 published 8',
				'firstResponse:breached at 10 published 30'
			]);
			expect(b.cases.scheduler.statusOf(kase.id, clock.now())?.firstResponse.state).toBe(
				'breached'
			);
			expect(await countTransitions(b.database.db, kase.id)).toBe(2);
			// The resolution clock runs on: its at-risk instant is armed.
			expect(b.cases.scheduler.armedAt).toBe(T0 + 48 * M);
			await store.keep(b);
			await b.close();

			// A second restart repeats nothing.
			const c = await store.open(clock);
			expect(seen).toHaveLength(2);
			expect(await countTransitions(c.database.db, kase.id)).toBe(2);
			await clock.advanceTo(T0 + 60 * M, () => c.cases.scheduler.idle());
			expect(seen.slice(2)).toEqual([
				'resolution:at_risk at 48 published 48',
				'resolution:breached at 60 published 60'
			]);
			await c.close();
		} finally {
			await store.drop();
		}
	});
});
