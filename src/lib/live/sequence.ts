/**
 * Snapshot-then-deltas on the browser side (DESIGN.md habit 5): which delta may be applied,
 * and applying a batch strictly in seq order. Pure, so the gap logic is tested without a socket.
 */
import { applyWallPatch } from '$domain/metrics/wall-patch';
import type { WallView } from '$contracts/metrics';
import type { MetricsDeltaV1, MetricsSnapshotV1, SubscribeResult } from '$contracts/socket';

/** What the client has applied: the room it follows, the last seq, and the view it built. */
export interface WallCursor {
	room: string;
	seq: number;
	/** Epoch ms of the newest `asOf` applied. */
	asOf: number;
	view: WallView;
}

export type DeltaVerdict = 'apply' | 'duplicate' | 'foreign' | 'gap';

/** `apply` only the next seq of our own room; older seqs were applied already. */
export function judgeDelta(cursor: WallCursor, delta: MetricsDeltaV1): DeltaVerdict {
	if (delta.room !== cursor.room) return 'foreign';
	if (delta.seq <= cursor.seq) return 'duplicate';
	return delta.seq === cursor.seq + 1 ? 'apply' : 'gap';
}

export interface BatchResult {
	cursor: WallCursor;
	/** True when a seq is missing: the caller must re-subscribe with `cursor.seq`. */
	gap: boolean;
	/** Deltas after the gap, kept so a replay can fill the hole before them. */
	held: MetricsDeltaV1[];
}

/** Applies deltas in seq order (arrival order does not matter), stopping at the first gap. */
export function applyDeltas(cursor: WallCursor, deltas: readonly MetricsDeltaV1[]): BatchResult {
	const ordered = [...deltas].sort((a, b) => a.seq - b.seq);
	let next = cursor;
	for (const [i, delta] of ordered.entries()) {
		const verdict = judgeDelta(next, delta);
		if (verdict === 'gap') return { cursor: next, gap: true, held: ordered.slice(i) };
		if (verdict !== 'apply') continue;
		next = {
			room: next.room,
			seq: delta.seq,
			asOf: Math.max(next.asOf, Date.parse(delta.asOf)),
			view: applyWallPatch(next.view, delta.patch)
		};
	}
	return { cursor: next, gap: false, held: [] };
}

/**
 * A snapshot for our room replaces everything, whatever its seq: after a server restart seqs
 * start again, and the snapshot is the server's authoritative answer. Other rooms are ignored.
 */
export function applySnapshot(cursor: WallCursor, snapshot: MetricsSnapshotV1): WallCursor {
	if (snapshot.room !== cursor.room) return cursor;
	return {
		room: cursor.room,
		seq: snapshot.seq,
		asOf: Date.parse(snapshot.asOf),
		view: snapshot.view
	};
}

/** Applies the answer to `metrics:subscribe`: a replay of missed deltas or a fresh snapshot. */
export function applySubscribeResult(cursor: WallCursor, result: SubscribeResult): BatchResult {
	if (result.kind === 'snapshot') {
		return { cursor: applySnapshot(cursor, result.snapshot), gap: false, held: [] };
	}
	return applyDeltas(cursor, result.deltas);
}
