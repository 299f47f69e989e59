/**
 * "Done when": the real PBXware export, imported through the ingest API, gives the metrics a
 * reviewer can recompute by hand. The expected figures are recomputed here from the CSV
 * directly (plain column arithmetic, independent of the parser and the engine). The export's
 * epochs run from 2018-11-30 04:34 to 2018-12-05 00:00:40 WIB, hence the WIB date range.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQueueLog } from '../../src/lib/server/ingest/queue-log/parse';
import { upsertQueue } from '../../src/lib/server/repositories/reference.repository';
import { startTestServer, type TestServer } from './harness';

const FILE = path.resolve('../shared/data/realworld/asterisk/pbxware_queue_log_export.csv');
const T = 20;
const S = 5;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** By hand: columns uid,date_time,callid,queue_name,type,event,param1..3,entpos,expos,htime,ttime,time. */
function byHand(csv: string) {
	const rows = csv
		.trim()
		.split('\n')
		.slice(1)
		.map((l) => l.split(','));
	const inIt = rows.filter((r) => r[3] === 'IT');
	const connects = inIt.filter((r) => r[5] === 'CONNECT');
	const transfers = inIt.filter((r) => /TRANSFER$/.test(r[5]!));
	const answeredIds = new Set([...connects, ...transfers].map((r) => r[2]));
	const abandons = inIt.filter((r) => r[5] === 'ABANDON');
	const short = abandons.filter((r) => Number(r[11]) < S).length;
	const abandoned = abandons.length - short;
	const exited = inIt.filter((r) => /^EXIT/.test(r[5]!)).length;
	const offered = answeredIds.size + abandons.length + exited;
	const waits = connects.map((r) => Number(r[11]));
	const handled = inIt.filter((r) => /^COMPLETE/.test(r[5]!)).map((r) => Number(r[12]));
	return {
		offered,
		answered: answeredIds.size,
		abandoned,
		shortAbandons: short,
		exited,
		serviceLevel: round1((100 * waits.filter((w) => w <= T).length) / (offered - short)),
		abandonRate: round1((100 * abandoned) / (offered - short)),
		asa: round1(waits.reduce((a, b) => a + b, 0) / waits.length),
		aht: round1(handled.reduce((a, b) => a + b, 0) / handled.length)
	};
}

describe('PBXware export → ingest API → /api/v1/metrics', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer('pglite');
		await upsertQueue(server.container.database.db, {
			name: 'IT',
			label: 'IT',
			issueTypeCode: 'informasi_umum'
		});
	});
	afterAll(async () => {
		await server?.close();
	});

	it('matches the figures recomputed by hand from the CSV', async () => {
		const csv = readFileSync(FILE, 'utf8');
		const parsed = parseQueueLog(csv, { format: 'pbxware-csv', fileName: FILE });
		expect(parsed.problems).toEqual([]);
		const events = parsed.events.map((e) => e.event);
		const answer = await server.post(events);
		expect(answer.body).toMatchObject({ accepted: events.length, rejected: 0 });

		const expected = byHand(csv);
		expect(expected).toMatchObject({ offered: 106, answered: 93, abandoned: 12, exited: 1 });
		const response = await fetch(
			`${server.url}/api/v1/metrics?from=2018-11-29&to=2018-12-05&queue=IT`
		);
		const body = await response.json();
		expect(response.status).toBe(200);
		expect(body.calls).toMatchObject({ ...expected, ahtIsTalkOnly: true });
		expect(body.thresholds.perQueue.IT).toEqual({
			serviceLevelSeconds: 20,
			shortAbandonSeconds: 5,
			serviceLevelGoal: 80
		});

		const again = await server.post(events);
		expect(again.body).toMatchObject({ accepted: 0, duplicates: events.length });
	});

	it('puts a call ending 2026-03-24 17:30 UTC on 25 March WIB, in the API too', async () => {
		const events = [
			{ id: 'd1', type: 'call.entered', callId: 'day-1', queue: 'IT', at: '2026-03-24T17:29:40Z' },
			{
				id: 'd2',
				type: 'call.connected',
				callId: 'day-1',
				queue: 'IT',
				agent: 'SIP/1001',
				waitSeconds: 20,
				at: '2026-03-24T17:30:00Z'
			}
		];
		expect((await server.post(events)).body.accepted).toBe(2);
		const day = (d: string) =>
			fetch(`${server.url}/api/v1/metrics?from=${d}&to=${d}&queue=IT`).then((r) => r.json());
		expect((await day('2026-03-25')).calls.answered).toBe(1);
		expect((await day('2026-03-24')).calls.answered).toBe(0);
	});
});
