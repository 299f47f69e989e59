import { describe, it, expect } from 'vitest';
import type { MetricsDeltaV1, MetricsSnapshotV1 } from '$contracts/socket';
import type { MinutePoint, WallView } from '$contracts/metrics';
import {
	applyDeltas,
	applySnapshot,
	applySubscribeResult,
	judgeDelta,
	type WallCursor
} from './sequence';

const ROOM = 'metrics:61:*';
const T0 = Date.parse('2026-03-24T10:00:00+07:00');

function minute(index: number, callsOffered: number): MinutePoint {
	const base = { callsAnswered: 0, callsAbandoned: 0, chatsStarted: 0, casesOpened: 0 };
	return { minute: T0 + index * 60_000, callsOffered, ...base };
}

function view(series: MinutePoint[] = []): WallView {
	return {
		scope: { province: '61', issueType: null },
		today: {} as WallView['today'],
		provinces: [],
		issueTypes: [],
		series,
		thresholds: { serviceLevelSeconds: 20, shortAbandonSeconds: 5, serviceLevelGoal: 80 }
	};
}

const cursor = (seq: number): WallCursor => ({ room: ROOM, seq, asOf: T0, view: view() });

/** Delta number `seq` adds minute `seq` with `seq` calls, so the applied set is visible. */
function delta(seq: number, room = ROOM): MetricsDeltaV1 {
	const asOf = new Date(T0 + seq * 1000).toISOString();
	return { v: 1, room, seq, asOf, patch: { series: [minute(seq, seq)] } };
}

const offered = (c: WallCursor) => c.view.series.map((m) => m.callsOffered);

describe('judgeDelta', () => {
	it.each([
		{ seq: 6, room: ROOM, verdict: 'apply' },
		{ seq: 5, room: ROOM, verdict: 'duplicate' },
		{ seq: 2, room: ROOM, verdict: 'duplicate' },
		{ seq: 8, room: ROOM, verdict: 'gap' },
		{ seq: 6, room: 'metrics:*:*', verdict: 'foreign' }
	])('seq $seq in $room after seq 5 → $verdict', ({ seq, room, verdict }) => {
		expect(judgeDelta(cursor(5), delta(seq, room))).toBe(verdict);
	});
});

describe('applyDeltas', () => {
	it('applies consecutive deltas in seq order whatever the arrival order', () => {
		const result = applyDeltas(cursor(0), [delta(3), delta(1), delta(2)]);
		expect(result.gap).toBe(false);
		expect(result.cursor.seq).toBe(3);
		expect(offered(result.cursor)).toEqual([1, 2, 3]);
		expect(result.cursor.asOf).toBe(T0 + 3000);
	});

	it('skips duplicates and other rooms', () => {
		const result = applyDeltas(cursor(1), [delta(1), delta(2, 'metrics:*:*'), delta(2)]);
		expect(result.cursor.seq).toBe(2);
		expect(offered(result.cursor)).toEqual([2]);
	});

	it('stops at a gap and holds the deltas after it', () => {
		const result = applyDeltas(cursor(0), [delta(1), delta(3), delta(4)]);
		expect(result.gap).toBe(true);
		expect(result.cursor.seq).toBe(1);
		expect(result.held.map((d) => d.seq)).toEqual([3, 4]);
	});

	it('treats an empty patch as a heartbeat: seq and asOf advance, view unchanged', () => {
		const heartbeat = { ...delta(1), patch: {} };
		const before = cursor(0);
		const result = applyDeltas(before, [heartbeat]);
		expect(result.cursor.seq).toBe(1);
		expect(result.cursor.asOf).toBe(Date.parse(heartbeat.asOf));
		expect(result.cursor.view).toEqual(before.view);
	});
});

describe('snapshots and subscribe results', () => {
	const snapshot = (seq: number, room = ROOM): MetricsSnapshotV1 => ({
		v: 1,
		room,
		seq,
		asOf: new Date(T0 + 60_000).toISOString(),
		view: view([minute(0, 42)])
	});

	it('a snapshot replaces the view even with a lower seq (server restarted)', () => {
		const next = applySnapshot(cursor(50), snapshot(3));
		expect(next.seq).toBe(3);
		expect(offered(next)).toEqual([42]);
		expect(next.asOf).toBe(T0 + 60_000);
	});

	it('ignores a snapshot of another room', () => {
		const before = cursor(5);
		expect(applySnapshot(before, snapshot(9, 'metrics:*:*'))).toBe(before);
	});

	it('applies a replay of missed deltas, and reports a replay with a hole', () => {
		const replay = applySubscribeResult(cursor(1), {
			kind: 'replay',
			deltas: [delta(2), delta(3)]
		});
		expect(replay).toMatchObject({ gap: false, cursor: { seq: 3 } });
		const holed = applySubscribeResult(cursor(1), { kind: 'replay', deltas: [delta(3)] });
		expect(holed.gap).toBe(true);
	});

	it('applies a snapshot answer', () => {
		const result = applySubscribeResult(cursor(1), { kind: 'snapshot', snapshot: snapshot(7) });
		expect(result).toMatchObject({ gap: false, cursor: { seq: 7 } });
	});
});
