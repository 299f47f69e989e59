/**
 * The one Socket.io contract, imported by the server (`new Server<…>`) and the browser
 * (`io()`): commands are `entity:verb`, facts are `entity:verb-ed`. Every payload carries
 * `seq` (per room, strictly increasing) and `asOf` (ISO 8601 instant of computation).
 * DESIGN.md habit 4 and 5.
 */
import { z } from 'zod';
import type { WallPatch, WallScope, WallView } from './metrics';

export const ERROR_CODES = [
	'invalid_payload',
	'forbidden',
	'conflict',
	'not_found',
	'internal'
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Ack<T> =
	{ ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

export interface MetricsSnapshotV1 {
	v: 1;
	room: string;
	seq: number;
	asOf: string;
	view: WallView;
}

export interface MetricsDeltaV1 {
	v: 1;
	room: string;
	seq: number;
	asOf: string;
	/** Empty when nothing changed: a heartbeat that keeps `asOf` fresh. */
	patch: WallPatch;
}

/** `metrics:subscribe` payload: the scope to watch and the last seq this client applied. */
export const metricsSubscribeSchema = z
	.object({
		province: z
			.string()
			.regex(/^(\d{2}|unknown)$/, 'province must be a two-digit BPS code or "unknown"')
			.nullable()
			.default(null),
		issueType: z
			.string()
			.regex(/^[a-z0-9_]{1,40}$/, 'issueType must be a taxonomy code')
			.nullable()
			.default(null),
		lastSeq: z.number().int().nonnegative().optional()
	})
	.strict();
export type MetricsSubscribe = z.input<typeof metricsSubscribeSchema>;

/** Answer to a subscription: either the deltas missed since `lastSeq`, or a fresh snapshot. */
export type SubscribeResult =
	{ kind: 'replay'; deltas: MetricsDeltaV1[] } | { kind: 'snapshot'; snapshot: MetricsSnapshotV1 };

export interface ServerToClientEvents {
	'metrics:snapshot': (snapshot: MetricsSnapshotV1) => void;
	'metrics:updated': (delta: MetricsDeltaV1) => void;
}

export interface ClientToServerEvents {
	'metrics:subscribe': (
		request: MetricsSubscribe,
		ack: (result: Ack<SubscribeResult>) => void
	) => void;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InterServerEvents {}

export interface SocketData {
	scope: WallScope | null;
}

/** Room names, built in one place: `metrics:<province|*>:<issueType|*>`. */
export function metricsRoom(scope: WallScope): string {
	return `metrics:${scope.province ?? '*'}:${scope.issueType ?? '*'}`;
}
