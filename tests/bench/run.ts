/**
 * `npm run bench`: events/s ingested and the delay from ingest to a connected Socket.io
 * client, at a steady rate (BENCH_RATE events/s, default 1,000, for BENCH_SECONDS, default
 * 30), against the production server on PGlite and on PostgreSQL. Prints figures; no verdict.
 *
 * Delay: every batch carries one `case.opened`; a batch's delay is from the moment it was
 * sent to the first wall delta whose `cases.opened` includes it (so it includes the
 * ≤ 1 delta/s per room throttle a wall actually sees).
 */
import { io } from 'socket.io-client';
import { scratchPostgres } from '../integration/harness';
import { startServer, type E2eServer } from '../support/server-process';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/lib/contracts/socket';
import type { Socket } from 'socket.io-client';
import { applyWallPatch } from '../../src/lib/domain/metrics/wall-patch';
import type { WallView } from '../../src/lib/contracts/metrics';

const RATE = Number(process.env.BENCH_RATE ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const TICK_MS = 100;
const PROVINCES = ['11', '12', '31', '32', '33', '35', '61', '63', '73', '94'];

const pct = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};

function batch(run: string, tick: number, size: number, now: number) {
	const events: unknown[] = [
		{
			id: `${run}-m-${tick}`,
			type: 'case.opened',
			caseId: `${run}-K${tick}`,
			at: new Date(now).toISOString(),
			province: PROVINCES[tick % PROVINCES.length],
			issueType: 'kopdes_lahan'
		}
	];
	for (let i = 1; i < size; i++) {
		const callId = `${run}-${tick}-${Math.floor(i / 3)}`;
		const step = i % 3;
		const at = new Date(now - (3 - step) * 1000).toISOString();
		const common = { id: `${run}-${tick}-${i}`, callId, queue: 'kopdes-lahan', at };
		events.push(
			step === 0
				? { ...common, type: 'call.entered', province: PROVINCES[i % PROVINCES.length] }
				: step === 1
					? { ...common, type: 'call.connected', agent: `SIP/${1000 + (i % 50)}`, waitSeconds: 8 }
					: {
							...common,
							type: 'call.completed',
							agent: `SIP/${1000 + (i % 50)}`,
							talkSeconds: 120,
							by: 'caller'
						}
		);
	}
	return events;
}

async function measure(label: string, server: E2eServer): Promise<void> {
	const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(server.url, {
		transports: ['websocket'],
		// Sockets authenticate (issue 5): the administrator's session cookie.
		extraHeaders: { cookie: server.access.adminCookie }
	});
	let view: WallView | null = null;
	let seq = 0;
	const sentAt: number[] = [];
	const delays: number[] = [];
	let seenOpened = 0;
	const baseline = { opened: 0 };
	socket.on('metrics:updated', (delta) => {
		if (!view || delta.seq !== seq + 1) return;
		seq = delta.seq;
		view = applyWallPatch(view, delta.patch);
		const opened = view.today.cases.opened - baseline.opened;
		const now = Date.now();
		for (let i = seenOpened; i < Math.min(opened, sentAt.length); i++)
			delays.push(now - sentAt[i]!);
		seenOpened = Math.max(seenOpened, opened);
	});
	const ack = await socket.emitWithAck('metrics:subscribe', { province: null, issueType: null });
	if (!ack.ok || ack.data.kind !== 'snapshot') throw new Error('subscribe failed');
	view = ack.data.snapshot.view;
	seq = ack.data.snapshot.seq;
	baseline.opened = view.today.cases.opened;

	const perTick = Math.max(1, Math.round((RATE * TICK_MS) / 1000));
	const ticks = Math.round((SECONDS * 1000) / TICK_MS);
	const run = `bench-${Date.now()}`;
	let accepted = 0;
	const started = Date.now();
	const inflight: Promise<void>[] = [];
	for (let t = 0; t < ticks; t++) {
		const due = started + t * TICK_MS;
		const wait = due - Date.now();
		if (wait > 0) await new Promise((r) => setTimeout(r, wait));
		sentAt.push(Date.now());
		inflight.push(
			(server.post(batch(run, t, perTick, Date.now())) as Promise<{ accepted: number }>).then(
				(b) => {
					accepted += b.accepted;
				}
			)
		);
		if (inflight.length > 20) await inflight.shift();
	}
	await Promise.all(inflight);
	const elapsed = (Date.now() - started) / 1000;
	const deadline = Date.now() + 5000;
	while (delays.length < sentAt.length && Date.now() < deadline)
		await new Promise((r) => setTimeout(r, 50));
	socket.disconnect();
	console.log(
		`${label.padEnd(10)} target ${RATE} ev/s × ${SECONDS} s | ingested ${accepted} events in ${elapsed.toFixed(1)} s = ${(accepted / elapsed).toFixed(0)} ev/s | ingest→socket delay p50 ${pct(delays, 50)} ms, p99 ${pct(delays, 99)} ms (${delays.length}/${sentAt.length} batches seen)`
	);
}

/** Ingest capacity: BENCH_BURST events (default 20,000) in full batches, two in flight. */
async function capacity(label: string, server: E2eServer): Promise<void> {
	const total = Number(process.env.BENCH_BURST ?? 20_000);
	const run = `burst-${Date.now()}`;
	const batches = Array.from({ length: Math.ceil(total / 1000) }, (_, t) =>
		batch(run, t, 1000, Date.now())
	);
	const started = Date.now();
	let accepted = 0;
	for (let i = 0; i < batches.length; i += 2) {
		const answers = (await Promise.all(batches.slice(i, i + 2).map((b) => server.post(b)))) as {
			accepted: number;
		}[];
		for (const a of answers) accepted += a.accepted;
	}
	const seconds = (Date.now() - started) / 1000;
	console.log(
		`${label.padEnd(10)} capacity: ${accepted} events in ${seconds.toFixed(1)} s = ${(accepted / seconds).toFixed(0)} ev/s (1,000-event batches, 2 in flight)`
	);
}

async function main(): Promise<void> {
	console.log(
		`Sigap benchmark: ${RATE} events/s for ${SECONDS} s per database (BENCH_RATE, BENCH_SECONDS)`
	);
	const pglite = await startServer();
	try {
		await measure('PGlite', pglite);
		await capacity('PGlite', pglite);
	} finally {
		await pglite.stop();
	}
	const scratch = await scratchPostgres();
	const pg = await startServer({ DATABASE_URL: scratch.url });
	try {
		await measure('PostgreSQL', pg);
		await capacity('PostgreSQL', pg);
	} finally {
		await pg.stop();
		await scratch.drop();
	}
	await (await import('./sla')).slaBench(); // dueAt calls/s, SLA timer rebuild for 50,000 open cases
	await (await import('./trends')).trendsBench(); // 1M events: trend views from rollups vs raw events
}

main().catch((error: Error) => {
	console.error(`bench: ${error.message}`);
	process.exit(1);
});
