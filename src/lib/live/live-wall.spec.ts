import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import type { Ack, MetricsDeltaV1, MetricsSnapshotV1, SubscribeResult } from '$contracts/socket';
import type { MetricsSubscribe } from '$contracts/socket';
import type { MinutePoint, WallView } from '$contracts/metrics';
import { LiveWall } from './live-wall.svelte';
import type { WallSocket } from './socket';

const T0 = Date.parse('2026-03-24T10:00:00+07:00');
const ROOM = 'metrics:61:*';
const scope = { province: '61', issueType: null };

type Handler = (...args: unknown[]) => void;

/** Just enough of a Socket.io client to drive LiveWall: events in, subscriptions recorded. */
class FakeSocket {
	connected = false;
	handlers = new Map<string, Handler[]>();
	subscriptions: { request: MetricsSubscribe; answer: (ack: Ack<SubscribeResult>) => void }[] = [];
	on(event: string, handler: Handler) {
		this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
		return this;
	}
	fire(event: string, ...args: unknown[]) {
		for (const handler of this.handlers.get(event) ?? []) handler(...args);
	}
	timeout() {
		return {
			emit: (
				_event: string,
				request: MetricsSubscribe,
				cb: (err: Error | null, ack?: Ack<SubscribeResult>) => void
			) => {
				// Like Socket.io: the callback runs once, with the answer or with a timeout error.
				let done = false;
				const once = (err: Error | null, ack?: Ack<SubscribeResult>) => {
					if (!done) cb(err, ack);
					done = true;
				};
				this.subscriptions.push({ request, answer: (ack) => once(null, ack) });
				setTimeout(() => once(new Error('timeout')), 5_000);
			}
		};
	}
	connect() {
		this.connected = true;
		this.fire('connect');
	}
	drop() {
		this.connected = false;
		this.fire('disconnect', 'transport close');
	}
	removeAllListeners() {
		this.handlers.clear();
	}
	disconnect() {
		this.connected = false;
	}
	get last() {
		return this.subscriptions.at(-1)!;
	}
}

function view(offered: number[] = []): WallView {
	const series: MinutePoint[] = offered.map((callsOffered, i) => ({
		minute: T0 + i * 60_000,
		callsOffered,
		callsAnswered: 0,
		callsAbandoned: 0,
		chatsStarted: 0,
		casesOpened: 0
	}));
	return { scope, series, provinces: [], issueTypes: [] } as unknown as WallView;
}

const snapshot = (seq: number, offered: number[], room = ROOM): MetricsSnapshotV1 => ({
	v: 1,
	room,
	seq,
	asOf: new Date(Date.now()).toISOString(),
	view: view(offered)
});

/** Delta `seq` sets minute 0 to `seq` calls offered. */
const delta = (seq: number, room = ROOM): MetricsDeltaV1 => ({
	v: 1,
	room,
	seq,
	asOf: new Date(Date.now()).toISOString(),
	patch: { series: [{ ...view([seq]).series[0]! }] }
});

const offered = (wall: LiveWall) => wall.view.series.map((m) => m.callsOffered);

let socket: FakeSocket;
let wall: LiveWall;
let stop: () => void;

beforeEach(() => {
	vi.useFakeTimers({ now: T0 });
	vi.stubGlobal('requestAnimationFrame', (cb: () => void) => setTimeout(cb, 16));
	vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id));
	socket = new FakeSocket();
	wall = new LiveWall({ ...snapshot(0, [1]), room: 'ssr' }, scope);
	stop = wall.start(socket as unknown as WallSocket);
});

afterEach(() => {
	stop();
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

/** Connects and answers the subscription with a snapshot at `seq`. */
function goLive(seq = 10) {
	socket.connect();
	socket.last.answer({ ok: true, data: { kind: 'snapshot', snapshot: snapshot(seq, [seq]) } });
}

describe('LiveWall', () => {
	it('starts from the SSR snapshot, connecting and fresh', () => {
		expect(offered(wall)).toEqual([1]);
		expect(wall.connection).toBe('connecting');
		expect(wall.stale).toBe(false);
	});

	it('subscribes with its scope and last seq, then applies the snapshot answer', () => {
		socket.connect();
		expect(socket.last.request).toEqual({ province: '61', issueType: null, lastSeq: 0 });
		expect(wall.connection).toBe('connecting');
		socket.last.answer({ ok: true, data: { kind: 'snapshot', snapshot: snapshot(10, [7]) } });
		expect(wall.connection).toBe('live');
		expect(offered(wall)).toEqual([7]);
	});

	it('applies deltas in seq order once per frame and ignores other rooms', () => {
		goLive(10);
		socket.fire('metrics:updated', delta(12));
		socket.fire('metrics:updated', delta(11));
		socket.fire('metrics:updated', delta(13, 'metrics:*:*'));
		expect(offered(wall)).toEqual([10]);
		vi.advanceTimersByTime(20);
		expect(offered(wall)).toEqual([12]);
	});

	it('re-subscribes with the last applied seq on a gap and fills it from the replay', () => {
		goLive(10);
		socket.fire('metrics:updated', delta(13));
		vi.advanceTimersByTime(20);
		expect(socket.last.request.lastSeq).toBe(10);
		expect(offered(wall)).toEqual([10]);
		socket.last.answer({ ok: true, data: { kind: 'replay', deltas: [delta(11), delta(12)] } });
		expect(offered(wall)).toEqual([13]);
	});

	it('asks for a snapshot when the replay itself has a hole', () => {
		goLive(10);
		socket.fire('metrics:updated', delta(13));
		vi.advanceTimersByTime(20);
		socket.last.answer({ ok: true, data: { kind: 'replay', deltas: [delta(12)] } });
		expect(socket.last.request.lastSeq).toBeUndefined();
	});

	it('is offline and stale at once when the connection drops, and resubscribes on reconnect', () => {
		goLive(10);
		socket.drop();
		expect(wall.connection).toBe('offline');
		expect(wall.stale).toBe(true);
		socket.connect();
		expect(socket.last.request.lastSeq).toBe(10);
		socket.last.answer({ ok: true, data: { kind: 'replay', deltas: [] } });
		expect(wall.connection).toBe('live');
	});

	it('turns stale within 500 ms of the data passing 10 s, and fresh again on a heartbeat', () => {
		goLive(10);
		vi.advanceTimersByTime(10_000);
		expect(wall.stale).toBe(false);
		vi.advanceTimersByTime(1_000);
		expect(wall.stale).toBe(true);
		socket.fire('metrics:updated', { ...delta(11), patch: {} });
		vi.advanceTimersByTime(500);
		expect(wall.stale).toBe(false);
	});

	it('asks again, after a pause, when a subscription is not answered', () => {
		socket.connect();
		expect(socket.subscriptions).toHaveLength(1);
		vi.advanceTimersByTime(5_000);
		expect(socket.subscriptions).toHaveLength(1);
		vi.advanceTimersByTime(2_000);
		expect(socket.subscriptions).toHaveLength(2);
		expect(wall.connection).toBe('connecting');
	});

	it('retries a refused subscription after a pause, without going live', () => {
		socket.connect();
		const refusal = { code: 'internal', message: 'boom' } as const;
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		socket.last.answer({ ok: false, error: refusal });
		expect(warn).toHaveBeenCalledWith('metrics:subscribe refused: internal boom');
		expect(wall.connection).toBe('connecting');
		vi.advanceTimersByTime(2_000);
		expect(socket.subscriptions).toHaveLength(2);
	});
});
