/**
 * The one Socket.io contract, imported by the server (`new Server<…>`) and the browser
 * (`io()`): commands are `entity:verb`, facts are `entity:verb-ed`. Every payload carries
 * `seq` (per room, strictly increasing) and `asOf` (ISO 8601 instant of computation).
 * DESIGN.md habit 4 and 5.
 */
import { z } from 'zod';
import type { WallPatch, WallScope, WallView } from './metrics';
import type { Principal } from '../domain/access/principal';
import {
	caseListQuerySchema,
	caseReassignCommandSchema,
	type CaseListResult,
	type CaseReassignCommand,
	type CaseRow,
	type Named,
	type NotificationView,
	type SlaStateName,
	type SlaTargetName,
	type WallBreach
} from './cases';
import type { SourcesSilentV1 } from './sources';

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

// --- cases (issue 3) ------------------------------------------------------------------------
/** `case:reassign` payload: the reassignment of `POST /api/v1/cases/:id/reassign` plus the case. */
export { caseReassignCommandSchema, type CaseReassignCommand };
/** `cases:subscribe` payload: the work-queue filters; the ack carries the current list. */
export const casesSubscribeSchema = caseListQuerySchema;
export type CasesSubscribe = z.input<typeof casesSubscribeSchema>;

/** Common to every case fact: `seq` strictly increasing per process, `asOf` ISO instant. */
interface Sequenced {
	seq: number;
	asOf: string;
}
export interface CaseReassignedV1 extends Sequenced {
	caseId: string;
	number: string;
	version: number;
	from: { assignee: Named | null; team: Named | null };
	to: { assignee: Named | null; team: Named | null };
	by: string;
	reason: string;
	at: string;
}
/** A case changed (created, status, response, reassignment, SLA state): its fresh row. */
export interface CaseUpdatedV1 extends Sequenced {
	row: CaseRow;
}
/** An SLA state change at its instant (sla.md §States). No personal data. */
export interface SlaTransitionedV1 extends Sequenced {
	caseId: string;
	number: string;
	province: string;
	issueType: string;
	target: SlaTargetName;
	from: SlaStateName;
	to: SlaStateName;
	at: string;
	lateBySeconds: number;
}
/** A breach for the wall ticker, sent to the metrics rooms whose scope contains the case. */
export interface WallBreachV1 extends Sequenced, WallBreach {}

/**
 * A team lead's notification at its delivery instant (issue 3 §Alerts: the team's next business
 * opening, not the breach), sent only to the sockets of the signed-in users who are its
 * recipient; `unread` is their unread count including it (the bell's number).
 */
export interface NotificationDeliveredV1 extends Sequenced {
	notification: NotificationView;
	unread: number;
}

/** Room of the sockets that watch the work queue (`cases:subscribe`). */
export const CASES_ROOM = 'cases';

export interface ServerToClientEvents {
	'metrics:snapshot': (snapshot: MetricsSnapshotV1) => void;
	'metrics:updated': (delta: MetricsDeltaV1) => void;
	'case:reassigned': (fact: CaseReassignedV1) => void;
	'case:updated': (fact: CaseUpdatedV1) => void;
	'sla:transitioned': (fact: SlaTransitionedV1) => void;
	'wall:breach': (fact: WallBreachV1) => void;
	'access:revoked': (notice: AccessRevokedV1) => void;
	'access:rescoped': (notice: AccessRescopedV1) => void;
	/** Sources silent longer than their quiet limit in business hours (issue 4 §6), to walls. */
	'sources:silent': (fact: SourcesSilentV1) => void;
	/** To its recipient's own sockets only, never to a wall display or another user. */
	'notification:delivered': (fact: NotificationDeliveredV1) => void;
}

export interface ClientToServerEvents {
	'metrics:subscribe': (
		request: MetricsSubscribe,
		ack: (result: Ack<SubscribeResult>) => void
	) => void;
	'case:reassign': (
		request: CaseReassignCommand,
		ack: (result: Ack<{ version: number }>) => void
	) => void;
	'cases:subscribe': (request: CasesSubscribe, ack: (result: Ack<CaseListResult>) => void) => void;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InterServerEvents {}

export interface SocketData {
	scope: WallScope | null;
	/** Who this socket is (issue 5 §3): set by the auth middleware, re-checked on access changes. */
	principal?: Principal | null;
}

/** Why the server closes a socket's access (issue 5 §3–4); a wall shows "display revoked". */
export interface AccessRevokedV1 {
	reason: 'display_revoked' | 'session_ended';
}
/** Rooms the socket was taken out of after its role or scope changed. */
export interface AccessRescopedV1 {
	left: string[];
}

/** Room names, built in one place: `metrics:<province|*>:<issueType|*>`. */
export function metricsRoom(scope: WallScope): string {
	return `metrics:${scope.province ?? '*'}:${scope.issueType ?? '*'}`;
}
