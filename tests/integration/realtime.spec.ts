/**
 * Events in → two real Socket.io clients see the same deltas; a client that misses deltas
 * while disconnected ends with the same state as a fresh snapshot. On PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callConnected, callEntered } from '../builders/wire-events';
import { startTestServer, type DbKind, type TestServer } from './harness';
import { LiveClient } from './live-client';

const kinds: DbKind[] = ['pglite', 'postgres'];

describe.each(kinds)('realtime wall on %s', (kind) => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer(kind);
	});
	afterAll(async () => {
		await server?.close();
	});

	it('streams the same sequenced deltas to two clients', async () => {
		const a = new LiveClient(server.client());
		const b = new LiveClient(server.client());
		const [snapA, snapB] = await Promise.all([a.subscribe(), b.subscribe()]);
		expect(snapA.kind).toBe('snapshot');
		expect(snapB.kind).toBe('snapshot');
		expect(a.seq).toBe(b.seq);

		const now = Date.now();
		const call = callEntered({ at: now - 5000, province: '61' });
		expect((await server.post([call])).body.accepted).toBe(1);

		const waiting = (v: { today: { calls: { waitingNow: number } } }) =>
			v.today.calls.waitingNow === 1;
		await Promise.all([a.until(waiting), b.until(waiting)]);
		const cell = a.view!.provinces.find((p) => p.code === '61')!;
		expect(cell.callsWaiting).toBe(1);

		await server.post([callConnected({ callId: call.callId, at: now, waitSeconds: 5 })]);
		const answered = (v: { today: { calls: { answered: number } } }) =>
			v.today.calls.answered === 1;
		await Promise.all([a.until(answered), b.until(answered)]);

		const common = Math.min(a.seq, b.seq);
		expect(a.bySeq.get(common)).toEqual(b.bySeq.get(common));
		expect(a.deltas.filter((d) => d.seq <= common)).toEqual(
			b.deltas.filter((d) => d.seq <= common)
		);
	});

	it(
		'a burst over 3 s gives several deltas, at most one per second, in seq order, ending at the snapshot',
		{ timeout: 20_000 },
		async () => {
			const a = new LiveClient(server.client());
			await a.subscribe();
			const room = a.lastResult?.kind === 'snapshot' ? a.lastResult.snapshot.room : null;
			expect(room).toBeTruthy();
			const waitingIn32 = () => a.view!.provinces.find((p) => p.code === '32')!.callsWaiting;
			const before = waitingIn32();
			const seenFrom = a.deltas.length;
			const received: number[] = [];
			a.socket.on('metrics:updated', () => received.push(Date.now()));

			// 30 calls, one every 100 ms: a burst spread over about 3 s.
			const calls = 30;
			const burstStart = Date.now();
			for (let i = 0; i < calls; i++) {
				const sent = Date.now();
				expect((await server.post([callEntered({ at: sent - 1000, province: '32' })])).status).toBe(
					200
				);
				await new Promise((r) =>
					setTimeout(r, Math.max(0, burstStart + (i + 1) * 100 - Date.now()))
				);
			}
			expect(Date.now() - burstStart).toBeGreaterThan(2_000);
			// The last event reaches the wall at the throttle's next slot (≤ 1 s later).
			await a.until(
				(v) => v.provinces.find((p) => p.code === '32')!.callsWaiting === before + calls
			);
			await new Promise((r) => setTimeout(r, 1_200));

			const deltas = a.deltas.slice(seenFrom);
			// Updates keep flowing during a burst: not one delta at the end (nor none at all).
			const changing = deltas.filter((d) => Object.keys(d.patch).length > 0);
			expect(changing.length, 'deltas carrying changes').toBeGreaterThanOrEqual(2);
			expect(new Set(deltas.map((d) => d.room))).toEqual(new Set([room]));
			// Sequence numbers consecutive: each delta is the previous seq + 1.
			for (let i = 1; i < deltas.length; i++) expect(deltas[i]!.seq).toBe(deltas[i - 1]!.seq + 1);
			// At most one per second per room: by the server's stamp and by arrival here.
			const stamps = deltas.map((d) => Date.parse(d.asOf));
			for (let i = 1; i < stamps.length; i++)
				expect(
					stamps[i]! - stamps[i - 1]!,
					`asOf gap before seq ${deltas[i]!.seq}`
				).toBeGreaterThanOrEqual(1_000);
			for (let i = 1; i < received.length; i++)
				expect(received[i]! - received[i - 1]!, `arrival gap ${i}`).toBeGreaterThanOrEqual(900);

			// The state the deltas built equals a fresh snapshot of the room.
			const fresh = new LiveClient(server.client());
			const snapshot = await fresh.subscribe();
			if (snapshot.kind !== 'snapshot') throw new Error('expected a snapshot');
			expect(snapshot.snapshot.room).toBe(room);
			// A heartbeat or minute tick may be in flight: compare at the snapshot's own seq.
			await a.until(() => a.seq >= snapshot.snapshot.seq);
			expect(a.bySeq.get(snapshot.snapshot.seq)).toEqual(snapshot.snapshot.view);
			expect(waitingIn32()).toBe(before + calls);
		}
	);

	it('a client that missed deltas catches up to the same state as a fresh snapshot', async () => {
		const a = new LiveClient(server.client());
		await a.subscribe();
		const lastSeq = a.seq;
		a.socket.disconnect();

		const now = Date.now();
		const calls = [
			callEntered({ at: now - 20_000, province: '11' }),
			callEntered({ at: now - 10_000, province: '94' })
		];
		await server.post(calls);
		await new Promise((r) => setTimeout(r, 2200));

		const back = new LiveClient(server.client());
		back.view = a.view;
		back.seq = lastSeq;
		const result = await back.subscribe(lastSeq);
		expect(result.kind).toBe('replay');

		const fresh = new LiveClient(server.client());
		const snapshot = await fresh.subscribe();
		if (snapshot.kind !== 'snapshot') throw new Error('expected a snapshot');
		await back.until(() => back.seq >= snapshot.snapshot.seq);
		expect(back.bySeq.get(snapshot.snapshot.seq)).toEqual(snapshot.snapshot.view);
	});

	it('answers a snapshot to a seq it no longer knows, and rejects bad payloads', async () => {
		const a = new LiveClient(server.client());
		const result = await a.subscribe(1);
		expect(result.kind).toBe('snapshot');
		const bad = await a.socket.emitWithAck('metrics:subscribe', { province: 'Kalbar' } as never);
		expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
		const noSuchProvince = await a.socket.emitWithAck('metrics:subscribe', {
			province: '99',
			issueType: null
		});
		expect(noSuchProvince).toMatchObject({
			ok: false,
			error: { message: expect.stringMatching(/"99"/) }
		});
		const noSuchType = await a.socket.emitWithAck('metrics:subscribe', {
			province: null,
			issueType: 'zzz'
		});
		expect(noSuchType).toMatchObject({
			ok: false,
			error: { message: expect.stringMatching(/"zzz"/) }
		});
	});
});
