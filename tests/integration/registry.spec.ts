/**
 * Issue 4 §4: the Simkopdes registry import (all or nothing, upsert on re-import, unknown
 * village codes and duplicate ids reported by line), and calls from a registered manager
 * placed in the cooperative's province at ingest — on PGlite through the import service, and
 * on PostgreSQL through `sigap import cooperatives` while the server runs (the server's
 * periodic reload picks it up).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCooperativesFile } from '../../src/cli/commands/import-cooperatives';
import { FileCooperativeRegistry } from '../../src/lib/server/ingest/registry/registry';
import * as repo from '../../src/lib/server/repositories/cooperative.repository';
import { importCooperatives } from '../../src/lib/server/services/cooperative-import.service';
import { callEntered } from '../builders/wire-events';
import { startTestServer, type TestServer } from './harness';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sigap-registry-'));
const file = (name: string, text: string) => {
	const f = path.join(dir, name);
	writeFileSync(f, text);
	return f;
};
const HEADER = 'cooperative_id,name,legal_number,village_code,manager_phones';
const V1 = [
	HEADER,
	'KDMP-6101012001,Koperasi Desa Merah Putih Dalam Kaum,AHU-0001.AH.01.29.2025,61.01.01.2001,0812-7000-0001',
	'KDMP-6101012002,Koperasi Desa Merah Putih Lubuk Dagang,,6101012002,0812-7000-0002;0812-7000-0003',
	'KDMP-3201011001,Koperasi Kelurahan Merah Putih Pondok Rajeg,,32.01.01.1001,'
].join('\n');

describe('cooperative registry on PGlite', () => {
	let server: TestServer;
	const db = () => server.container.database.db;
	const run = (f: string) =>
		importCooperatives(
			{
				knownVillages: (c) => repo.knownVillages(db(), c),
				save: (r, from, at) => repo.saveCooperatives(db(), r, from, at),
				now: () => Date.now()
			},
			new FileCooperativeRegistry(f)
		);

	beforeAll(async () => {
		server = await startTestServer('pglite');
	});
	afterAll(() => server?.close());

	it('imports a CSV export', async () => {
		const report = await run(file('v1.csv', V1));
		expect(report).toMatchObject({
			stored: true,
			read: 3,
			inserted: 3,
			updated: 0,
			phones: 3,
			problems: []
		});
		expect(await repo.countCooperatives(db())).toBe(3);
	});

	it('re-imports as an upsert: names updated, one new, no duplicates (JSON this time)', async () => {
		const json = JSON.stringify(
			[
				{
					cooperativeId: 'KDMP-6101012001',
					name: 'KDMP Dalam Kaum (baru)',
					villageCode: '61.01.01.2001',
					managerPhones: ['+62 812 7000 0001']
				},
				{
					cooperativeId: 'KDMP-6101012003',
					name: 'Koperasi Desa Merah Putih Baru',
					villageCode: '61.01.01.2003',
					managerPhones: []
				}
			],
			null,
			2
		);
		expect(await run(file('v2.json', json))).toMatchObject({
			stored: true,
			read: 2,
			inserted: 1,
			updated: 1
		});
		expect(await repo.countCooperatives(db())).toBe(4);
		const phones = await repo.loadCooperativePhones(db());
		expect(phones.filter((p) => p.id === 'KDMP-6101012001')).toEqual([
			{ phone: '+6281270000001', id: 'KDMP-6101012001', villageCode: '61.01.01.2001' }
		]);
	});

	it('reports unknown village codes and duplicate ids by line, and imports nothing', async () => {
		const bad = `${V1}\nKDMP-X,Koperasi Nowhere,,99.99.99.9999,\nKDMP-6101012001,Duplikat,,61.01.01.2001,\n`;
		const report = await run(file('bad.csv', bad));
		expect(report.stored).toBe(false);
		expect(report.problems).toEqual([
			{ line: 5, message: 'unknown village code 99.99.99.9999 (not in the official area data)' },
			{ line: 6, message: 'duplicate cooperative_id "KDMP-6101012001" (first on line 2)' }
		]);
		expect(await repo.countCooperatives(db())).toBe(4);
		expect((await repo.loadCooperativePhones(db())).map((p) => p.phone).sort()).toEqual([
			'+6281270000001',
			'+6281270000002',
			'+6281270000003'
		]);
	});

	it("places a call from a registered manager in the cooperative's province (IVR > registry > unknown)", async () => {
		await server.container.channels.cooperatives.refresh();
		const now = Date.now();
		const registered = callEntered({ at: now - 5000, queue: 'kopdes-lahan' });
		const withIvrProvince = callEntered({ at: now - 4000, queue: 'kopdes-lahan', province: '11' });
		const answer = await server.post([
			{ ...registered, caller: '081270000002' },
			{ ...withIvrProvince, caller: '081270000001' },
			callEntered({ at: now - 3000, queue: 'kopdes-lahan' })
		]);
		expect(answer.body).toMatchObject({ accepted: 3 });
		const waiting = async (p: string) =>
			(await fetch(`${server.url}/api/v1/metrics?province=${p}`).then((r) => r.json())).calls
				.waitingNow;
		expect([await waiting('61'), await waiting('11'), await waiting('unknown')]).toEqual([1, 1, 1]);
	});
});

describe('sigap import cooperatives on PostgreSQL, with the server running', () => {
	let server: TestServer;
	const saved = process.env.DATABASE_URL;
	const out: string[] = [];
	const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };

	beforeAll(async () => {
		server = await startTestServer('postgres', undefined, { tuning: { registryReloadMs: 100 } });
		const config = server.container.config.database;
		if (config.kind === 'postgres') process.env.DATABASE_URL = config.url;
	});
	afterAll(async () => {
		process.env.DATABASE_URL = saved;
		await server?.close();
	});

	it('exits 1 naming FILE:LINE for a bad file, stores nothing', async () => {
		const f = file('pg-bad.csv', `${HEADER}\nK-1,Koperasi,,00.00.00.0000,\n`);
		expect(await importCooperativesFile(f, io)).toBe(1);
		expect(out).toContain(
			`${f}:2: unknown village code 00.00.00.0000 (not in the official area data)`
		);
		expect(await repo.countCooperatives(server.container.database.db)).toBe(0);
	});

	it('imports, and the running server picks the registry up by itself', async () => {
		const f = file('pg-v1.csv', V1);
		expect(await importCooperativesFile(f, io)).toBe(0);
		expect(out.at(-1)).toBe(
			`${f}: 3 cooperatives imported (3 new, 0 updated), 3 manager phone numbers`
		);
		const directory = server.container.channels.cooperatives;
		const end = Date.now() + 5000;
		while (directory.size < 3 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
		expect(directory.placeOf('0812-7000-0003')).toEqual({
			cooperative: 'KDMP-6101012002',
			area: '61.01.01.2002'
		});
		expect(await importCooperativesFile(f, io)).toBe(0);
		expect(out.at(-1)).toContain('(0 new, 3 updated)');
	});
});
