/**
 * `POST /api/v1/events`: the wire schema of contact events, validated at the edge.
 * Each event carries the source's own id (`id`); the same (source, id) is stored once.
 * Timestamps are ISO 8601 with an offset (`Z` or `+07:00`): an instant, never a wall time.
 */
import { z } from 'zod';
import { EXIT_REASONS } from '../domain/events';

export const MAX_EVENTS_PER_BATCH = 1000;
/** Below adapter-node's default BODY_SIZE_LIMIT (512 KiB), so our message is the one sent. */
export const MAX_BATCH_BYTES = 512_000;

/** Earliest plausible event instant: anything older is a broken clock or a broken field. */
export const EARLIEST_EVENT = '2000-01-01T00:00:00Z';
const instant = z.iso
	.datetime({
		offset: true,
		message: 'must be an ISO 8601 instant with offset, e.g. 2026-03-24T17:30:00+07:00'
	})
	.refine((v) => Date.parse(v) >= Date.parse(EARLIEST_EVENT), {
		message: `is before ${EARLIEST_EVENT.slice(0, 10)}; check the source clock`
	});
const text = (max: number) => z.string().trim().min(1).max(max);
const seconds = z
	.number()
	.finite()
	.nonnegative()
	.max(7 * 24 * 3600);
const province = z
	.string()
	.regex(/^(\d{2}|unknown)$/, 'must be a two-digit BPS province code or "unknown"');
const issueType = z
	.string()
	.regex(/^[a-z0-9_]{1,40}$/, 'must be an issue-type code such as kopdes_lahan');

const base = { id: text(200), at: instant };
const call = { ...base, callId: text(100), queue: text(80) };
const agent = { ...base, agent: text(100), queue: text(80).optional() };
const chat = { ...base, sessionId: text(200) };
const caseBase = { ...base, caseId: text(100) };

export const wireEventSchema = z.discriminatedUnion('type', [
	z
		.object({
			type: z.literal('call.entered'),
			...call,
			caller: text(64).optional(),
			province: province.optional(),
			issueType: issueType.optional()
		})
		.strict(),
	z
		.object({
			type: z.literal('call.connected'),
			...call,
			agent: text(100),
			waitSeconds: seconds.optional(),
			ringSeconds: seconds.optional()
		})
		.strict(),
	z
		.object({
			type: z.literal('call.transferred'),
			...call,
			agent: text(100).optional(),
			waitSeconds: seconds.optional(),
			talkSeconds: seconds.optional(),
			target: text(100).optional()
		})
		.strict(),
	z
		.object({
			type: z.literal('call.completed'),
			...call,
			agent: text(100).optional(),
			waitSeconds: seconds.optional(),
			talkSeconds: seconds,
			holdSeconds: seconds.optional(),
			wrapUpSeconds: seconds.optional(),
			by: z.enum(['agent', 'caller'])
		})
		.strict(),
	z
		.object({
			type: z.literal('call.abandoned'),
			...call,
			waitSeconds: seconds.optional(),
			position: z.number().int().nonnegative().optional()
		})
		.strict(),
	z
		.object({
			type: z.literal('call.exited'),
			...call,
			reason: z.enum(EXIT_REASONS),
			waitSeconds: seconds.optional()
		})
		.strict(),
	z
		.object({
			type: z.literal('call.classified'),
			...base,
			callId: text(100),
			province: province.optional(),
			issueType: issueType.optional()
		})
		.strict(),
	z.object({ type: z.literal('agent.logged_in'), ...agent }).strict(),
	z.object({ type: z.literal('agent.logged_out'), ...agent }).strict(),
	z.object({ type: z.literal('agent.paused'), ...agent, reason: text(100).optional() }).strict(),
	z.object({ type: z.literal('agent.unpaused'), ...agent }).strict(),
	z
		.object({
			type: z.literal('pbx.other'),
			...base,
			event: text(64),
			callId: text(100).optional(),
			queue: text(80).optional(),
			agent: text(100).optional(),
			data: z.array(z.string().max(500)).max(10).optional()
		})
		.strict(),
	z
		.object({
			type: z.literal('chat.started'),
			...chat,
			contact: text(200).optional(),
			province: province.optional(),
			issueType: issueType.optional(),
			bot: z.boolean()
		})
		.strict(),
	z.object({ type: z.literal('chat.handed_off'), ...chat }).strict(),
	z.object({ type: z.literal('chat.agent_replied'), ...chat, agent: text(100) }).strict(),
	z
		.object({
			type: z.literal('chat.ended'),
			...chat,
			by: z.enum(['bot', 'agent', 'contact', 'system'])
		})
		.strict(),
	z
		.object({
			type: z.literal('case.opened'),
			...caseBase,
			province: province.optional(),
			issueType: issueType.optional(),
			origin: z.enum(['call', 'chat', 'ticket']).optional(),
			priority: z.enum(['low', 'normal', 'high', 'urgent']).optional()
		})
		.strict(),
	z.object({ type: z.literal('case.responded'), ...caseBase }).strict(),
	z.object({ type: z.literal('case.resolved'), ...caseBase }).strict(),
	z.object({ type: z.literal('case.closed'), ...caseBase }).strict(),
	z.object({ type: z.literal('case.reopened'), ...caseBase }).strict(),
	z.object({ type: z.literal('case.waiting'), ...caseBase }).strict(),
	z.object({ type: z.literal('case.resumed'), ...caseBase }).strict()
]);
export type WireEvent = z.infer<typeof wireEventSchema>;
export const WIRE_EVENT_TYPES = wireEventSchema.options.map((o) => o.shape.type.value);

export const batchSchema = z
	.object({ events: z.array(z.unknown()).min(1).max(MAX_EVENTS_PER_BATCH) })
	.strict();

export interface EventProblem {
	/** Where in the event, e.g. `at` or `waitSeconds`; empty for the event as a whole. */
	path: string;
	message: string;
}

export type EventResult =
	| { index: number; id: string | null; status: 'accepted'; warnings?: EventProblem[] }
	| { index: number; id: string | null; status: 'duplicate' }
	| { index: number; id: string | null; status: 'rejected'; problems: EventProblem[] };

/** `POST /api/v1/events` response (HTTP 200 even when some events are rejected). */
export interface IngestResponse {
	accepted: number;
	duplicates: number;
	rejected: number;
	results: EventResult[];
}

/** Error body of every 4xx/5xx from the API. */
export interface ApiError {
	error: { code: string; message: string; problems?: EventProblem[] };
}
