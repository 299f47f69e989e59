/**
 * issue 6 §Trend pages, by hand: a few calls and chats over Wednesday 10 and Thursday 11 June
 * 2026 (WIB), and the numbers worked out on paper — counts per 100 villages (village counts
 * of the official area data, idn-area-data 4.0.1, as seeded: Aceh 6,500, DKI Jakarta 267,
 * Jawa Barat 5,957, Kalimantan Barat 2,145, Indonesia 83,762) from the trend API and the
 * ranking export, and the hour-of-day × weekday arrivals grid from the heatmap export
 * (WIB hours and weekdays; a call is placed by the end of its queue phase).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/domain/export/csv';
import { trendsAnswer, type TrendBody } from '../../src/lib/server/services/trends/trends.service';
import { startTestServer, type TestServer } from './harness';

const VILLAGES: Record<string, number> = { '11': 6500, '31': 267, '32': 5957, '61': 2145 };
const ALL_VILLAGES = 83_762;
const RANGE = 'from=2026-06-10&to=2026-06-11';

const at = (wib: string) => new Date(`${wib}+07:00`).toISOString();
let n = 0;
const id = () => `v${++n}`;

function answered(callId: string, entered: string, connected: string, province?: string) {
	const wait = (Date.parse(at(connected)) - Date.parse(at(entered))) / 1000;
	return [
		{ id: id(), type: 'call.entered', callId, queue: 'kopdes-lahan', at: at(entered), province },
		{
			id: id(),
			type: 'call.connected',
			callId,
			queue: 'kopdes-lahan',
			agent: '1001',
			at: at(connected),
			waitSeconds: wait
		}
	];
}

function abandoned(callId: string, entered: string, left: string, province?: string) {
	const wait = (Date.parse(at(left)) - Date.parse(at(entered))) / 1000;
	return [
		{ id: id(), type: 'call.entered', callId, queue: 'kopdes-lahan', at: at(entered), province },
		{
			id: id(),
			type: 'call.abandoned',
			callId,
			queue: 'kopdes-lahan',
			at: at(left),
			waitSeconds: wait
		}
	];
}

function chat(sessionId: string, started: string, ended: string, province?: string) {
	return [
		{
			id: id(),
			type: 'chat.started',
			sessionId,
			bot: true,
			contact: `k-${sessionId}`,
			at: at(started),
			province
		},
		{ id: id(), type: 'chat.ended', sessionId, by: 'bot', at: at(ended) }
	];
}

const EVENTS = [
	// Wednesday 10 June (WIB)
	...answered('c1', '2026-06-10T09:10:00', '2026-06-10T09:10:15', '61'),
	...abandoned('c2', '2026-06-10T09:40:00', '2026-06-10T09:40:30', '61'),
	...answered('c3', '2026-06-10T14:05:00', '2026-06-10T14:05:05', '61'),
	...chat('s1', '2026-06-10T14:20:00', '2026-06-10T14:25:00', '61'),
	...answered('c4', '2026-06-10T09:20:00', '2026-06-10T09:20:08', '32'),
	...answered('c5', '2026-06-10T09:50:00', '2026-06-10T09:50:04'), // no province: unknown
	// Enters at 09:59:50, answered at 10:00:10: the 10:00 hour.
	...answered('c6', '2026-06-10T09:59:50', '2026-06-10T10:00:10', '11'),
	// Thursday 11 June (WIB); 06:30 WIB is still Wednesday 23:30 in UTC.
	...answered('c7', '2026-06-11T20:00:00', '2026-06-11T20:00:12', '32'),
	...chat('s2', '2026-06-11T06:30:00', '2026-06-11T06:31:00', '31')
];

interface Series {
	group: string;
	points: Record<string, number | null>[];
	total: Record<string, number | null>;
}

describe('per 100 villages and the arrivals heatmap, worked by hand', () => {
	const clock = { t: Date.parse('2026-06-13T03:00:00Z'), now: () => clock.t };
	let s: TestServer;
	beforeAll(async () => {
		s = await startTestServer('pglite', clock);
		const posted = await s.post(EVENTS);
		expect(posted.body.rejected, JSON.stringify(posted.body.results)).toBe(0);
	});
	afterAll(async () => {
		await s?.close();
	});

	const trend = async (q: string) => {
		const res = await fetch(`${s.url}/api/v1/trends?${RANGE}&${q}`);
		expect(res.status, q).toBe(200);
		return res.json();
	};
	const csv = async (q: string) => {
		const res = await fetch(`${s.url}/trends/export?format=csv&range=custom&${RANGE}&${q}`);
		expect(res.status, q).toBe(200);
		return parseCsv((await res.text()).replace(/^\ufeff/, ''));
	};

	it('the seeded village counts are those of the official area data', () => {
		const ref = new Map(s.container.reference.provinces.map((p) => [p.code, p.villages]));
		for (const [code, villages] of Object.entries(VILLAGES)) expect(ref.get(code)).toBe(villages);
		expect([...ref.values()].reduce((a, b) => a + b, 0)).toBe(ALL_VILLAGES);
		expect(ref.size).toBe(38);
	});

	it('counts and counts per 100 villages, per province, per day and in total', async () => {
		const q = 'groupBy=province&measure=contacts,calls.offered';
		const plain = await trend(q);
		const per = await trend(`${q}&per=villages`);
		expect(per.per).toBe('villages');
		const g = (body: { groups: Series[] }, code: string) =>
			body.groups.find((x) => x.group === code)!;
		// Counts: 61 has 3 calls + 1 chat on Wednesday; 32 one call each day; 31 one chat (Thu);
		// 11 one call; one call without a province.
		expect(g(plain, '61').total).toEqual({ contacts: 4, 'calls.offered': 3 });
		expect(g(plain, '32').points.map((p) => p.contacts)).toEqual([1, 1]);
		expect(g(plain, '31').points.map((p) => p.contacts)).toEqual([0, 1]);
		expect(plain.total.total).toEqual({ contacts: 9, 'calls.offered': 7 });
		// Per 100 villages, two decimals: 4 / 2145 × 100 = 0.186…, 3 / 2145 × 100 = 0.139…
		expect(g(per, '61').total).toEqual({ contacts: 0.19, 'calls.offered': 0.14 });
		expect(g(per, '61').points).toEqual([
			{ contacts: 0.19, 'calls.offered': 0.14 },
			{ contacts: 0, 'calls.offered': 0 }
		]);
		// 2 / 5957 × 100 = 0.0336; each day 1 / 5957 × 100 = 0.0168.
		expect(g(per, '32').total.contacts).toBe(0.03);
		expect(g(per, '32').points.map((p) => p.contacts)).toEqual([0.02, 0.02]);
		// 1 / 267 × 100 = 0.3745 (a chat: no calls); 1 / 6500 × 100 = 0.0154.
		expect(g(per, '31').total).toEqual({ contacts: 0.37, 'calls.offered': 0 });
		expect(g(per, '11').total.contacts).toBe(0.02);
		expect(g(per, '12').total.contacts).toBe(0);
		// Nationally, 9 contacts over 83,762 villages: 0.0107 → 0.01 (the unknown call counts).
		expect(per.total.total).toEqual({ contacts: 0.01, 'calls.offered': 0.01 });
		// The unknown province is listed (never dropped) but has no villages: no rate.
		expect(g(plain, 'unknown').total).toEqual({ contacts: 1, 'calls.offered': 1 });
		expect(g(per, 'unknown').total).toEqual({ contacts: null, 'calls.offered': null });
		// A user scoped to DKI Jakarta and Kalimantan Barat: their villages only,
		// 5 / (267 + 2145) × 100 = 0.207, 3 / 2412 × 100 = 0.124.
		const scoped = await trendsAnswer(
			s.container,
			new URLSearchParams(`${RANGE}&${q}&per=villages`),
			{ provinces: ['31', '61'], issueTypes: null }
		);
		expect(scoped.status).toBe(200);
		expect((scoped.body as TrendBody).total.total).toEqual({
			contacts: 0.21,
			'calls.offered': 0.12
		});
		// One province filtered: its own villages.
		const kalbar = await trend(`${q}&per=villages&province=61`);
		expect(kalbar.total.total).toEqual({ contacts: 0.19, 'calls.offered': 0.14 });
		// A rate per village makes no sense: refused.
		const rate = await fetch(
			`${s.url}/api/v1/trends?${RANGE}&groupBy=province&measure=calls.serviceLevel&per=villages`
		);
		expect(rate.status).toBe(400);
	});

	it('the ranking export per 100 villages: ordered by the rate, with the village counts', async () => {
		const rows = await csv('view=breakdown&groupBy=province&measure=contacts&per=villages');
		const h = rows.findIndex((r) => r[0] === 'Peringkat');
		expect(rows[h]).toEqual([
			'Peringkat',
			'Kode',
			'Provinsi',
			'Total kontak — Per 100 desa',
			'Periode sebelumnya',
			'Perubahan',
			'Perubahan (%)',
			'Jumlah desa'
		]);
		const top = rows.slice(h + 1, h + 6).map((r) => [r[0], r[1], r[3], r[7]]);
		expect(top).toEqual([
			['1', '31', '0.37', '267'],
			['2', '61', '0.19', '2145'],
			['3', '32', '0.03', '5957'],
			['4', '11', '0.02', '6500'],
			[
				'5',
				'12',
				'0',
				String(s.container.reference.provinces.find((p) => p.code === '12')!.villages)
			]
		]);
		// 38 provinces, then the unknown province: counted, but without villages no rate.
		expect(rows.slice(h + 1)).toHaveLength(39);
		expect(rows.at(-1)!.slice(1, 4)).toEqual(['unknown', 'Tidak diketahui', '']);
		expect(rows.at(-1)![7]).toBe('');
	});

	it('the heatmap: arrivals by WIB weekday and hour', async () => {
		const rows = await csv('view=heatmap');
		const h = rows.findIndex((r) => r[0] === 'Hari');
		expect(rows[h]).toEqual([
			'Hari',
			...Array.from({ length: 24 }, (_, i) => `${String(i).padStart(2, '0')}:00`)
		]);
		const grid = rows.slice(h + 1);
		expect(grid.map((r) => r[0])).toEqual([
			'Senin',
			'Selasa',
			'Rabu',
			'Kamis',
			'Jumat',
			'Sabtu',
			'Minggu'
		]);
		const expected = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
		expected[2]![9] = 4; // Wednesday 09: c1, c2 (abandoned), c4, c5
		expected[2]![10] = 1; // c6, answered at 10:00:10
		expected[2]![14] = 2; // c3 and the chat s1
		expected[3]![6] = 1; // Thursday 06:30 WIB (Wednesday in UTC): the chat s2
		expected[3]![20] = 1; // c7
		expect(grid.map((r) => r.slice(1).map(Number))).toEqual(expected);
		// Filtered to a province: only its arrivals.
		const kalbar = (await csv('view=heatmap&province=61')).slice(h + 1);
		// Wednesday 09 (c1, c2) and 14 (c3, s1); columns are shifted by the weekday.
		expect(kalbar[2]!.slice(1).map(Number).filter(Boolean)).toEqual([2, 2]);
		expect(Number(kalbar[2]![1 + 9])).toBe(2);
		expect(Number(kalbar[2]![1 + 14])).toBe(2);
		expect(kalbar.flatMap((r) => r.slice(1).map(Number)).reduce((a, b) => a + b, 0)).toBe(4);
	});
});
