import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import type { CaseListResult, CaseRow } from '$contracts/cases';
import type { Ack } from '$contracts/socket';
import { LiveCases } from './live-cases.svelte';
import { NO_FILTERS } from './cases-query';
import { aRow } from './case-rows.fixtures';
import type { WallSocket } from './socket';

const T0 = Date.parse('2026-03-09T09:00:00+07:00');
type Handler = (...args: unknown[]) => void;
type Emitted = { event: string; payload: Record<string, unknown>; answer: (ack: unknown) => void };

/** Just enough of a Socket.io client: events in, commands recorded and answered by the spec. */
class FakeSocket {
	connected = false;
	handlers = new Map<string, Handler[]>();
	emitted: Emitted[] = [];
	on(event: string, handler: Handler) {
		this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
		return this;
	}
	fire(event: string, ...args: unknown[]) {
		for (const handler of this.handlers.get(event) ?? []) handler(...args);
	}
	timeout() {
		return {
			emit: (event: string, payload: Record<string, unknown>, cb: Handler) => {
				let done = false;
				const once = (err: Error | null, ack?: unknown) => {
					if (!done) cb(err, ack);
					done = true;
				};
				this.emitted.push({ event, payload, answer: (ack) => once(null, ack) });
				setTimeout(() => once(new Error('timeout')), 5_000);
			}
		};
	}
	connect() {
		this.connected = true;
		this.fire('connect');
	}
	removeAllListeners() {
		this.handlers.clear();
	}
	disconnect() {
		this.connected = false;
	}
	last(event: string) {
		return this.emitted.filter((e) => e.event === event).at(-1)!;
	}
}

const counts = (province: Record<string, number> = {}): CaseListResult['counts'] => ({
	province,
	issueType: {},
	team: {},
	assignee: {},
	state: {},
	channel: {},
	status: {}
});
const list = (rows: CaseRow[], total = rows.length): CaseListResult => ({
	asOf: new Date(T0).toISOString(),
	rows,
	total,
	counts: counts({ '61': total })
});
const ok = <T>(data: T): Ack<T> => ({ ok: true, data });
const fact = { seq: 1, asOf: new Date(T0).toISOString() };
const numbers = (live: LiveCases) => live.rows.map((r) => r.number);

let socket: FakeSocket;
let live: LiveCases;
let stop: () => void;
const filters = { ...NO_FILTERS, province: '61' };

beforeEach(() => {
	vi.useFakeTimers({ now: T0 });
	socket = new FakeSocket();
	live = new LiveCases(list([aRow({ id: 'a', number: 'K-1' })]), filters);
	stop = live.start(socket as unknown as WallSocket);
});
afterEach(() => {
	stop();
	vi.useRealTimers();
});

function goLive(rows: CaseRow[] = [aRow({ id: 'a', number: 'K-1' })]) {
	socket.connect();
	socket.last('cases:subscribe').answer(ok(list(rows)));
}

describe('LiveCases', () => {
	it('starts from the SSR list and subscribes with its filters on connect', () => {
		expect(numbers(live)).toEqual(['K-1']);
		expect(live.connection).toBe('connecting');
		socket.connect();
		expect(socket.last('cases:subscribe').payload).toMatchObject({
			province: '61',
			status: 'open'
		});
		socket.last('cases:subscribe').answer(ok(list([aRow({ id: 'b', number: 'K-2' })])));
		expect(live.connection).toBe('live');
		expect(numbers(live)).toEqual(['K-2']);
	});

	it('applies an updated row at once: inserted in order, or dropped when it leaves the filter', () => {
		goLive();
		const early = aRow({ id: 'b', number: 'K-2', dueAt: '2026-03-09T08:00:00+07:00' });
		socket.fire('case:updated', { ...fact, row: early });
		expect(numbers(live)).toEqual(['K-2', 'K-1']);
		expect(live.total).toBe(2);
		socket.fire('case:updated', { ...fact, row: { ...early, version: 2, provinceCode: '62' } });
		expect(numbers(live)).toEqual(['K-1']);
		expect(live.total).toBe(1);
	});

	it('moves a case to the top when its SLA breaches', () => {
		goLive([
			aRow({ id: 'a', number: 'K-1', dueAt: '2026-03-09T09:30:00+07:00' }),
			aRow({ id: 'b', number: 'K-2', dueAt: '2026-03-09T12:00:00+07:00' })
		]);
		socket.fire('sla:transitioned', {
			...fact,
			caseId: 'b',
			number: 'K-2',
			province: '61',
			issueType: 'x',
			target: 'resolution',
			from: 'at_risk',
			to: 'breached',
			at: fact.asOf,
			lateBySeconds: 0
		});
		expect(numbers(live)).toEqual(['K-2', 'K-1']);
		expect(live.rows[0]!.state).toBe('breached');
	});

	it('patches the assignee and version on case:reassigned', () => {
		goLive();
		const to = { assignee: { id: 'ag1', name: 'Ani' }, team: { id: 't1', name: 'Tim' } };
		socket.fire('case:reassigned', {
			...fact,
			caseId: 'a',
			number: 'K-1',
			version: 2,
			from: { assignee: null, team: null },
			to,
			by: 'lead',
			reason: 'r',
			at: fact.asOf
		});
		expect(live.rows[0]).toMatchObject({ version: 2, ...to });
	});

	it('re-asks for the list (counts) once after a burst, and keeps facts newer than its answer', () => {
		goLive();
		const subscriptions = () => socket.emitted.filter((e) => e.event === 'cases:subscribe').length;
		socket.fire('case:updated', { ...fact, row: aRow({ id: 'b', number: 'K-2' }) });
		socket.fire('case:updated', { ...fact, row: aRow({ id: 'c', number: 'K-3' }) });
		expect(subscriptions()).toBe(1);
		vi.advanceTimersByTime(1_000);
		expect(subscriptions()).toBe(2);
		// A fact arrives after the request left; the answer (computed before it) lacks it.
		socket.fire('case:updated', { ...fact, row: aRow({ id: 'd', number: 'K-4' }) });
		socket.last('cases:subscribe').answer(ok(list([aRow({ id: 'a', number: 'K-1' })])));
		expect(numbers(live)).toEqual(['K-1', 'K-4']);
	});

	it('goes offline on disconnect and subscribes again on reconnect', () => {
		goLive();
		socket.connected = false;
		socket.fire('disconnect', 'transport close');
		expect(live.connection).toBe('offline');
		socket.connect();
		expect(socket.emitted.filter((e) => e.event === 'cases:subscribe')).toHaveLength(2);
	});

	it('reassigns over the socket, one command per case with its version, one outcome each', async () => {
		goLive();
		const request = { reason: 'cuti', actor: ' Lead ', teamId: 't1' };
		const pending = live.reassign([
			{ caseId: 'a', number: 'K-1', expectedVersion: 1, ...request },
			{ caseId: 'b', number: 'K-2', expectedVersion: 4, ...request }
		]);
		const commands = socket.emitted.filter((e) => e.event === 'case:reassign');
		expect(commands.map((c) => c.payload)).toEqual([
			{ caseId: 'a', expectedVersion: 1, reason: 'cuti', actor: 'Lead', teamId: 't1' },
			{ caseId: 'b', expectedVersion: 4, reason: 'cuti', actor: 'Lead', teamId: 't1' }
		]);
		const message = 'already reassigned by Budi to Tim Kalbar at 09:01 WIB, refresh?';
		commands[0]!.answer(ok({ version: 2 }));
		commands[1]!.answer({ ok: false, error: { code: 'conflict', message } });
		expect(await pending).toEqual([
			{ caseId: 'a', number: 'K-1', result: 'ok', version: 2 },
			{ caseId: 'b', number: 'K-2', result: 'conflict', message }
		]);
	});

	it('answers null to a reassignment while disconnected (the form posts instead)', async () => {
		expect(await live.reassign([])).toBeNull();
	});

	it('ticks its clock once a second for the countdowns', () => {
		vi.advanceTimersByTime(3_000);
		expect(live.now).toBe(T0 + 3_000);
	});
});
