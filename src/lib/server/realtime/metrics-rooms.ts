/**
 * Per-room sequenced wall deltas (DESIGN.md habit 5). For each scope somebody watches, the
 * room keeps the last view sent, its seq and a short history for replay. Emission is
 * throttled to at most one delta per second per room whatever the event rate (leading
 * edge, so a quiet wall updates at once), with an empty heartbeat delta every 5 s so
 * clients can tell "nothing changed" from "not live".
 */
import { diffWallView, isEmptyPatch } from '../../domain/metrics/wall-patch';
import type { WallScope, WallView } from '../../contracts/metrics';
import {
	metricsRoom,
	type MetricsDeltaV1,
	type MetricsSnapshotV1,
	type SubscribeResult
} from '../../contracts/socket';

export const MIN_INTERVAL_MS = 1000;
export const HEARTBEAT_MS = 5000;
const HISTORY = 120;

interface Room {
	name: string;
	scope: WallScope;
	seq: number;
	view: WallView;
	asOf: number;
	lastSentAt: number;
	/** The clock's reading when the pending timer was armed. */
	armedAt: number;
	timer: ReturnType<typeof setTimeout> | null;
	history: MetricsDeltaV1[];
}

export interface RoomDeps {
	view(scope: WallScope): WallView;
	emit(room: string, delta: MetricsDeltaV1): void;
	now(): number;
}

export class MetricsRooms {
	#rooms = new Map<string, Room>();

	constructor(private deps: RoomDeps) {}

	/** The room for a scope, created on first use. Seqs start at the creation instant, so
	 * a seq from an earlier room or process is always older and never replayed wrongly. */
	room(scope: WallScope): Room {
		const name = metricsRoom(scope);
		let room = this.#rooms.get(name);
		if (!room) {
			const now = this.deps.now();
			room = {
				name,
				scope,
				seq: now,
				view: this.deps.view(scope),
				asOf: now,
				lastSentAt: now,
				armedAt: now,
				timer: null,
				history: []
			};
			this.#rooms.set(name, room);
		}
		return room;
	}

	/** What a (re)subscribing client needs: the deltas after `lastSeq`, or a snapshot. */
	subscribe(scope: WallScope, lastSeq: number | undefined): SubscribeResult {
		const room = this.room(scope);
		const oldest = room.history[0]?.seq ?? room.seq + 1;
		if (lastSeq !== undefined && lastSeq >= oldest - 1 && lastSeq <= room.seq) {
			return { kind: 'replay', deltas: room.history.filter((d) => d.seq > lastSeq) };
		}
		return { kind: 'snapshot', snapshot: this.snapshot(room) };
	}

	snapshot(room: Room): MetricsSnapshotV1 {
		return {
			v: 1,
			room: room.name,
			seq: room.seq,
			asOf: new Date(room.asOf).toISOString(),
			view: room.view
		};
	}

	/** Something changed (or time passed): send each room's delta as soon as its throttle allows. */
	touchAll(): void {
		for (const room of this.#rooms.values()) this.#schedule(room);
	}

	/** Forget rooms nobody watches any more (their seq history goes with them). */
	drop(name: string): void {
		const room = this.#rooms.get(name);
		if (room?.timer) clearTimeout(room.timer);
		this.#rooms.delete(name);
	}

	names(): string[] {
		return [...this.#rooms.keys()];
	}

	close(): void {
		for (const name of this.names()) this.drop(name);
	}

	#schedule(room: Room): void {
		if (room.timer) return;
		this.#arm(room, this.deps.now());
	}

	#arm(room: Room, now: number): void {
		room.armedAt = now;
		const wait = Math.max(0, room.lastSentAt + MIN_INTERVAL_MS - now);
		room.timer = setTimeout(() => this.#flush(room), wait);
	}

	#flush(room: Room): void {
		room.timer = null;
		const now = this.deps.now();
		// A timer can fire a few ms early by the clock (libuv arms it from the loop's cached time,
		// which lags Date.now): wait out the rest of the second rather than send 999 ms after the
		// last delta. A clock that has not moved since arming (a test's frozen clock) is not waited on.
		if (now > room.armedAt && now - room.lastSentAt < MIN_INTERVAL_MS) {
			this.#arm(room, now);
			return;
		}
		const view = this.deps.view(room.scope);
		const patch = diffWallView(room.view, view);
		if (isEmptyPatch(patch) && now - room.lastSentAt < HEARTBEAT_MS) return;
		room.seq += 1;
		room.view = view;
		room.asOf = now;
		room.lastSentAt = now;
		const delta: MetricsDeltaV1 = {
			v: 1,
			room: room.name,
			seq: room.seq,
			asOf: new Date(now).toISOString(),
			patch
		};
		room.history.push(delta);
		if (room.history.length > HISTORY) room.history.shift();
		this.deps.emit(room.name, delta);
	}
}
