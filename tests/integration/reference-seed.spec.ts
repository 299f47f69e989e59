/**
 * Reference data (issue 2 §3): a server started on an empty database holds exactly the official
 * area codes of idn-area-data — 38 provinces, 514 regencies, 7,285 districts, 83,762 villages —
 * and seeding again (a second start, or `seedReference` itself) adds nothing; a partly filled
 * table is completed without duplicates. On a fresh PGlite (no template) and on PostgreSQL.
 */
import { count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/server/config';
import { createContainer, type Container } from '../../src/lib/server/container';
import { MEMORY } from '../../src/lib/server/db';
import { districts, provinces, regencies, villages } from '../../src/lib/server/db/schema';
import { seedReference } from '../../src/lib/server/repositories/reference.repository';
import { scratchPostgres, type DbKind } from './harness';

/** The official counts, written out (not read from the library the seeding uses). */
const OFFICIAL = { provinces: 38, regencies: 514, districts: 7285, villages: 83762 };

async function counts(c: Container) {
	const { db } = c.database;
	const n = async (t: typeof provinces | typeof regencies | typeof districts | typeof villages) =>
		Number((await db.select({ n: count() }).from(t))[0]!.n);
	return {
		provinces: await n(provinces),
		regencies: await n(regencies),
		districts: await n(districts),
		villages: await n(villages)
	};
}

const NOTHING = { provinces: 0, regencies: 0, districts: 0, villages: 0 };

describe.each<DbKind>(['pglite', 'postgres'])('reference data seeding on %s', (kind) => {
	let scratch: Awaited<ReturnType<typeof scratchPostgres>> | null = null;
	let container: Container;
	const start = () => {
		const config = loadConfig({
			...(scratch ? { DATABASE_URL: scratch.url } : {}),
			SIGAP_DATA_DIR: '/nonexistent'
		});
		// No template: the container migrates and seeds an empty database itself.
		if (!scratch) config.database = { kind: 'pglite', dataDir: MEMORY };
		return createContainer(config);
	};
	beforeAll(async () => {
		if (kind === 'postgres') scratch = await scratchPostgres();
		container = await start();
	}, 180_000);
	afterAll(async () => {
		await container?.close();
		await scratch?.drop();
	});

	it('after start the database holds exactly the official area codes', async () => {
		expect(await counts(container)).toEqual(OFFICIAL);
		const { db } = container.database;
		const [kalbar] = await db.select().from(provinces).where(eq(provinces.code, '61'));
		expect(kalbar?.name).toMatch(/kalimantan barat/i);
		// Every Kalimantan Barat village code starts with its province's code.
		const [{ n } = { n: 0 }] = await db
			.select({ n: count() })
			.from(villages)
			.where(like(villages.code, '61.%'));
		expect(Number(n)).toBeGreaterThan(2000);
		expect(container.reference.provinces).toHaveLength(38);
		expect(container.reference.provinces.reduce((s, p) => s + p.villages, 0)).toBe(83762);
	});

	it('seeding again adds nothing', { timeout: 120_000 }, async () => {
		expect(await seedReference(container.database.db)).toEqual(NOTHING);
		expect(await counts(container)).toEqual(OFFICIAL);
	});

	it('a partly filled table is completed, without duplicates', { timeout: 120_000 }, async () => {
		const { db } = container.database;
		const removed = await db
			.delete(villages)
			.where(like(villages.code, '61.01.%'))
			.returning({ code: villages.code });
		expect(removed.length).toBeGreaterThan(0);
		expect((await counts(container)).villages).toBe(OFFICIAL.villages - removed.length);
		expect(await seedReference(db)).toEqual({ ...NOTHING, villages: removed.length });
		expect(await counts(container)).toEqual(OFFICIAL);
		expect(await seedReference(db)).toEqual(NOTHING);
	});

	if (kind === 'postgres') {
		it('a second start on the same database adds nothing', { timeout: 180_000 }, async () => {
			await container.close();
			container = await start();
			expect(await counts(container)).toEqual(OFFICIAL);
		});
	}
});
