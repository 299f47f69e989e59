/** A Node test client that keeps a wall view from snapshot + deltas, recording each seq's state. */
import type { Socket } from 'socket.io-client';
import { applyWallPatch } from '../../src/lib/domain/metrics/wall-patch';
import type { WallScope, WallView } from '../../src/lib/contracts/metrics';
import type {
	ClientToServerEvents,
	MetricsDeltaV1,
	ServerToClientEvents,
	SubscribeResult
} from '../../src/lib/contracts/socket';

type S = Socket<ServerToClientEvents, ClientToServerEvents>;

export class LiveClient {
	seq = 0;
	view: WallView | null = null;
	readonly bySeq = new Map<number, WallView>();
	readonly deltas: MetricsDeltaV1[] = [];
	lastResult: SubscribeResult | null = null;

	constructor(
		readonly socket: S,
		readonly scope: WallScope = { province: null, issueType: null }
	) {
		socket.on('metrics:updated', (delta) => this.#apply(delta));
	}

	async subscribe(lastSeq?: number): Promise<SubscribeResult> {
		if (!this.socket.connected)
			await new Promise<void>((r) => this.socket.once('connect', () => r()));
		const ack = await this.socket.emitWithAck('metrics:subscribe', { ...this.scope, lastSeq });
		if (!ack.ok) throw new Error(`subscribe failed: ${ack.error.code} ${ack.error.message}`);
		this.lastResult = ack.data;
		if (ack.data.kind === 'snapshot') {
			this.seq = ack.data.snapshot.seq;
			this.view = ack.data.snapshot.view;
			this.bySeq.set(this.seq, this.view);
		} else {
			for (const delta of ack.data.deltas) this.#apply(delta);
		}
		return ack.data;
	}

	#apply(delta: MetricsDeltaV1): void {
		if (!this.view || delta.seq <= this.seq) return;
		if (delta.seq !== this.seq + 1) throw new Error(`gap: have ${this.seq}, got ${delta.seq}`);
		this.deltas.push(delta);
		this.view = applyWallPatch(this.view, delta.patch);
		this.seq = delta.seq;
		this.bySeq.set(this.seq, this.view);
	}

	/** Resolves when the view satisfies `predicate` (checked after every delta). */
	async until(predicate: (view: WallView) => boolean, timeoutMs = 10_000): Promise<WallView> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.view && predicate(this.view)) return this.view;
			await new Promise((r) => setTimeout(r, 50));
		}
		throw new Error(`timed out waiting; last view: ${JSON.stringify(this.view?.today.calls)}`);
	}
}
