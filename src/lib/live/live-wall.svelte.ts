/**
 * Live state of one wall (DESIGN.md habit 5 and 6): starts from the SSR snapshot, subscribes
 * with its scope and last seq on every (re)connect, applies deltas in seq order once per frame,
 * and says when it is not live (metrics.md §Freshness).
 */
import { metricsRoom, type MetricsDeltaV1, type MetricsSnapshotV1 } from '$contracts/socket';
import type { SubscribeResult, Ack } from '$contracts/socket';
import type { WallScope, WallView } from '$contracts/metrics';
import { connectWallSocket, type WallSocket } from './socket';
import { applyDeltas, applySnapshot, applySubscribeResult, type WallCursor } from './sequence';
import { dataAgeMs, isStale, observedClockLag, type Connection } from './freshness';

/** Re-evaluates staleness often enough that the notice appears within 2 s. */
const TICK_MS = 500;
/** A subscription not answered in this time is asked again. */
const ACK_TIMEOUT_MS = 5_000;
/** Pause before asking again after a refusal, so a refusing server is not flooded. */
const RETRY_MS = 2_000;

export class LiveWall {
	#cursor: WallCursor;
	#connection = $state.raw<Connection>('connecting');
	#denied = $state.raw<'revoked' | 'session_ended' | null>(null);
	#now = $state.raw(Date.now());
	#clockLag = 0;
	#pending: MetricsDeltaV1[] = [];
	#subscribing = false;
	/** Numbers subscriptions, so a late answer to an older one is ignored. */
	#attempt = 0;
	#retry: ReturnType<typeof setTimeout> | null = null;
	#frame: number | null = null;
	readonly #scope: WallScope;

	constructor(initial: MetricsSnapshotV1, scope: WallScope) {
		this.#scope = scope;
		this.#cursor = $state.raw({
			room: metricsRoom(scope),
			seq: initial.seq,
			asOf: Date.parse(initial.asOf),
			view: initial.view
		});
	}

	get view(): WallView {
		return this.#cursor.view;
	}
	/** Epoch ms at which the newest applied figures were computed. */
	get asOf(): number {
		return this.#cursor.asOf;
	}
	get connection(): Connection {
		return this.#connection;
	}
	/** Set when the server ended this wall's access (display token revoked, session ended). */
	get denied(): 'revoked' | 'session_ended' | null {
		return this.#denied;
	}
	get stale(): boolean {
		return isStale(this.#connection, dataAgeMs(this.#now, this.#cursor.asOf, this.#clockLag));
	}

	/** Connects and starts the ticker; returns the function that stops both (an effect cleanup). */
	start(socket: WallSocket = connectWallSocket()): () => void {
		socket.on('connect', () => this.#subscribe(socket, true));
		socket.on('disconnect', () => (this.#connection = 'offline'));
		socket.on('connect_error', (error) => {
			this.#connection = 'offline';
			// Refused at the handshake (issue 5): the server will not take this wall back.
			if (error.message === 'display_revoked') this.#denied = 'revoked';
			if (error.message === 'unauthenticated') this.#denied = 'session_ended';
		});
		socket.on('access:revoked', ({ reason }) => {
			this.#denied = reason === 'display_revoked' ? 'revoked' : 'session_ended';
		});
		// A new role or scope: let the server decide again what this page may show.
		socket.on('access:rescoped', () => location.reload());
		socket.on('metrics:updated', (delta) => this.#receive(socket, delta));
		socket.on('metrics:snapshot', (snapshot) => this.#replace(socket, snapshot));
		if (socket.connected) this.#subscribe(socket, true);
		const ticker = setInterval(() => {
			this.#now = Date.now();
			this.#flush(socket);
		}, TICK_MS);
		return () => {
			clearInterval(ticker);
			if (this.#retry !== null) clearTimeout(this.#retry);
			if (this.#frame !== null) cancelAnimationFrame(this.#frame);
			socket.removeAllListeners();
			socket.disconnect();
		};
	}

	#subscribe(socket: WallSocket, withLastSeq: boolean): void {
		this.#subscribing = true;
		const attempt = ++this.#attempt;
		const { province, issueType } = this.#scope;
		const lastSeq = withLastSeq ? this.#cursor.seq : undefined;
		socket
			.timeout(ACK_TIMEOUT_MS)
			.emit('metrics:subscribe', { province, issueType, lastSeq }, (err, ack) => {
				if (attempt === this.#attempt && socket.connected) {
					this.#answered(socket, withLastSeq, err ? null : ack);
				}
			});
	}

	#answered(socket: WallSocket, withLastSeq: boolean, ack: Ack<SubscribeResult> | null): void {
		if (!ack?.ok) {
			if (ack) console.warn(`metrics:subscribe refused: ${ack.error.code} ${ack.error.message}`);
			const attempt = this.#attempt;
			this.#retry = setTimeout(() => {
				if (attempt === this.#attempt && socket.connected) this.#subscribe(socket, withLastSeq);
			}, RETRY_MS);
			return;
		}
		const result = applySubscribeResult(this.#cursor, ack.data);
		this.#accept(result.cursor);
		// A replay with a hole cannot be trusted: ask for a fresh snapshot instead.
		if (result.gap) return this.#subscribe(socket, false);
		this.#subscribing = false;
		this.#connection = 'live';
		this.#flush(socket);
	}

	#receive(socket: WallSocket, delta: MetricsDeltaV1): void {
		this.#pending.push(delta);
		this.#frame ??= requestAnimationFrame(() => {
			this.#frame = null;
			this.#flush(socket);
		});
	}

	#replace(socket: WallSocket, snapshot: MetricsSnapshotV1): void {
		this.#accept(applySnapshot(this.#cursor, snapshot));
		this.#flush(socket);
	}

	/** Applies the queued deltas; a missing seq re-subscribes with the last one applied. */
	#flush(socket: WallSocket): void {
		if (this.#subscribing || this.#pending.length === 0) return;
		const result = applyDeltas(this.#cursor, this.#pending);
		this.#pending = result.held;
		this.#accept(result.cursor);
		if (result.gap) this.#subscribe(socket, true);
	}

	#accept(next: WallCursor): void {
		if (next === this.#cursor) return;
		if (next.asOf !== this.#cursor.asOf) {
			this.#clockLag = observedClockLag(this.#clockLag, Date.now(), next.asOf);
		}
		this.#cursor = next;
	}
}
