/**
 * The embedded database: a second process on the same folder is refused with a clear
 * message, and what was accepted before a restart is all there after it — the live state is
 * rebuilt from the store to the same figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/server/config';
import { createContainer } from '../../src/lib/server/container';
import { openDatabase } from '../../src/lib/server/db';
import { DataDirLockedError } from '../../src/lib/server/db/data-dir-lock';
import { createIngestKey } from '../../src/lib/server/repositories/ingest-key.repository';
import { callAbandoned, callEntered, caseOpened } from '../builders/wire-events';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sigap-durability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('embedded database on disk', () => {
	const config = loadConfig({ SIGAP_DATA_DIR: dir });

	it('refuses a second opener of the same folder, naming the way out', async () => {
		const first = await openDatabase(config.database);
		try {
			const second = openDatabase(config.database);
			await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
			await expect(second).rejects.toThrow(
				/Another process is using the embedded database .*SIGAP_DATA_DIR/
			);
		} finally {
			await first.close();
		}
		const again = await openDatabase(config.database);
		await again.close();
	});

	it('keeps every accepted event across a restart and rebuilds the same live figures', async () => {
		const now = Date.now();
		const c1 = await createContainer(config);
		const key = await createIngestKey(c1.database.db, 'restart');
		const headers = new Headers({ authorization: `Bearer ${key}` });
		const entered = callEntered({ at: now - 50_000, province: '61' });
		const events = [
			entered,
			callAbandoned({ callId: entered.callId, at: now - 10_000, waitSeconds: 40 }),
			callEntered({ at: now - 5_000, province: '33' }),
			caseOpened({ at: now - 1000 })
		];
		const answer = await c1.ingest(headers, JSON.stringify({ events }));
		expect(answer.body).toMatchObject({ accepted: 4 });
		const scope = { province: null, issueType: null };
		const before = c1.live.wallView(scope).today;
		await c1.close();

		const c2 = await createContainer(config);
		try {
			const after = c2.live.wallView(scope).today;
			expect(after.calls).toMatchObject({ abandoned: 1, offered: 1 });
			expect({ ...after.calls, longestWaitNow: null }).toEqual({
				...before.calls,
				longestWaitNow: null
			});
			expect(after.cases).toEqual(before.cases);
			const replay = await c2.ingest(headers, JSON.stringify({ events }));
			expect(replay.body).toMatchObject({ accepted: 0, duplicates: 4 });
		} finally {
			await c2.close();
		}
	});
});
