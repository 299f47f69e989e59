/**
 * The queue_log importer against the real ingest service (container + PGlite): every event
 * the parsers produce for the real PBXware export passes the server's own validation, and a
 * second import is all duplicates (ids derive from row content).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importQueueLog } from '../../src/cli/commands/import';
import { upsertQueue } from '../../src/lib/server/repositories/reference.repository';
import { startTestServer, type TestServer } from './harness';

const PBXWARE = path.resolve(
	process.cwd(),
	'../shared/data/realworld/asterisk/pbxware_queue_log_export.csv'
);

describe('sigap import queue-log → real ingest (PGlite)', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer('pglite');
	});
	afterAll(async () => {
		await server?.close();
	});

	const run = async () => {
		const out: string[] = [];
		const err: string[] = [];
		const options = {
			format: 'pbxware-csv' as const,
			url: server.url,
			key: server.key,
			timezone: 'UTC'
		};
		const code = await importQueueLog(PBXWARE, options, {
			out: (l) => out.push(l),
			err: (l) => err.push(l)
		});
		return { code, out, err };
	};

	it('accepts the whole PBXware export (queue IT registered), then sees duplicates only', async () => {
		await upsertQueue(server.container.database.db, { name: 'IT', label: 'IT' });
		const first = await run();
		expect(first.err).toEqual([]);
		expect(first.code).toBe(0);
		const second = await run();
		expect(second.code).toBe(0);
		expect(second.out[0]).toContain('1000 sent: 0 accepted, 1000 duplicate, 0 rejected');
	});
});
