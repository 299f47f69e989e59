/**
 * The cases wire contract (issue 3, sla.md): request schemas validated at the edge (HTTP routes,
 * form actions and socket commands share them) and the views the API returns. Instants on the
 * wire are ISO 8601 with the WIB offset (`2026-03-09T09:00:00+07:00`, from `toWibIso`).
 */
import { z } from 'zod';

export const REPORTER_TYPES = ['public', 'member', 'manager'] as const;
export type ReporterType = (typeof REPORTER_TYPES)[number];
export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];
export const CASE_CHANNELS = ['call', 'chat', 'ticket'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];
import { CASE_STATUSES, type CaseStatus } from '../domain/cases/facts';
export { CASE_STATUSES, type CaseStatus };
/** Statuses in which a case is open (metrics.md §Tickets: backlog). */
export const OPEN_STATUSES: readonly CaseStatus[] = [
	'new',
	'assigned',
	'in_progress',
	'waiting_on_reporter'
];
export const SLA_STATES = ['on_track', 'at_risk', 'breached', 'met', 'met_late'] as const;
export type SlaStateName = (typeof SLA_STATES)[number];
export const SLA_TARGETS = ['firstResponse', 'resolution'] as const;
export type SlaTargetName = (typeof SLA_TARGETS)[number];
export const HOLIDAY_KINDS = ['national', 'cuti_bersama', 'other'] as const;

// --- shared field schemas --------------------------------------------------------------------
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
export const instantSchema = z.iso.datetime({
	offset: true,
	message: 'must be an ISO 8601 instant with offset, e.g. 2026-03-09T09:00:00+07:00'
});
const actor = text(120).default('anonymous');
const id = text(100);
const code = z
	.string()
	.regex(/^[a-z0-9_]{1,40}$/, 'must be an issue-type code such as kopdes_lahan');
const provinceCode = z.string().regex(/^\d{2}$/, 'must be a two-digit BPS province code');
const version = z.number().int().nonnegative();
const PHONE = /^\+?[0-9][0-9 ().-]{5,24}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const reporterContact = z
	.string()
	.trim()
	.max(200)
	.refine((v) => EMAIL.test(v) || (PHONE.test(v) && v.replace(/\D/g, '').length >= 6), {
		message: 'must be a phone number (e.g. +62 812-3456-7890) or an e-mail address'
	});

// --- commands --------------------------------------------------------------------------------
/** `POST /api/v1/cases` and the case form. Area: villageCode, else regencyCode, else provinceCode. */
export const caseCreateSchema = z
	.object({
		actor,
		reporterType: z.enum(REPORTER_TYPES),
		reporterName: text(200).optional(),
		reporterContact,
		cooperativeId: id.optional(),
		villageCode: z
			.string()
			.regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'must be a village code like 61.01.01.2001')
			.optional(),
		regencyCode: z
			.string()
			.regex(/^\d{2}\.\d{2}$/, 'must be a regency code like 61.01')
			.optional(),
		provinceCode: provinceCode.optional(),
		/** Optional only with `sourceContactId`: then taken from the call or chat when known. */
		issueType: code.optional(),
		priority: z.enum(CASE_PRIORITIES).default('normal'),
		/** Optional only with `sourceContactId`: then the contact's channel (call or chat). */
		channel: z.enum(CASE_CHANNELS).optional(),
		subject: text(200),
		description: text(5000),
		/** Letters: the instant the letter arrived; the clocks start then. Not in the future. */
		receivedAt: instantSchema.optional(),
		/**
		 * The call id or chat session id this case is made from: it must be stored, inside the
		 * caller's scope and not made into a case before; channel, province and issue type
		 * default to the contact's.
		 */
		sourceContactId: id.optional(),
		teamId: id.optional(),
		assigneeId: id.optional()
	})
	.strict()
	.superRefine((v, ctx) => {
		if (v.sourceContactId !== undefined) return;
		for (const field of ['channel', 'issueType'] as const) {
			if (v[field] === undefined)
				ctx.addIssue({
					code: 'custom',
					path: [field],
					message: 'is required (unless sourceContactId names the call or chat to take it from)'
				});
		}
	});
export type CaseCreate = z.input<typeof caseCreateSchema>;
export type CaseCreateParsed = z.output<typeof caseCreateSchema>;

/** `POST /api/v1/cases/:id/status`. Leaving resolved/closed for an open status is a reopen. */
export const caseStatusChangeSchema = z
	.object({
		actor,
		status: z.enum(CASE_STATUSES),
		reason: text(1000).optional(),
		expectedVersion: version.optional()
	})
	.strict();
export type CaseStatusChange = z.input<typeof caseStatusChangeSchema>;

/** `POST /api/v1/cases/:id/responses`: a reply to the reporter by a person (sla.md first response). */
export const caseResponseSchema = z
	.object({
		actor,
		/** The agent who replied; defaults to the case's assignee. */
		agentId: id.optional(),
		message: text(5000).optional(),
		expectedVersion: version.optional()
	})
	.strict();
export type CaseResponse = z.input<typeof caseResponseSchema>;

const target = {
	assigneeId: id.optional(),
	teamId: id.optional(),
	reason: z.string({ error: 'reason is required' }).trim().min(1, 'reason is required').max(1000)
};
const oneTarget = (v: { assigneeId?: string; teamId?: string }) =>
	v.assigneeId !== undefined || v.teamId !== undefined;
const oneTargetError = { message: 'give assigneeId or teamId (or both)', path: ['assigneeId'] };

/** `POST /api/v1/cases/:id/reassign` → 200 `{ version }` or 409 `ConflictBody`. */
export const caseReassignSchema = z
	.object({ actor, ...target, expectedVersion: version })
	.strict()
	.refine(oneTarget, oneTargetError);
export type CaseReassign = z.input<typeof caseReassignSchema>;

/** The socket command `case:reassign`: the same fields plus the case. */
export const caseReassignCommandSchema = z
	.object({ caseId: id, actor, ...target, expectedVersion: version })
	.strict()
	.refine(oneTarget, oneTargetError);
export type CaseReassignCommand = z.input<typeof caseReassignCommandSchema>;

/** `POST /api/v1/cases/reassign`: one reason and target for many cases, each with its version. */
export const bulkReassignSchema = z
	.object({
		actor,
		...target,
		items: z
			.array(z.object({ caseId: id, expectedVersion: version }).strict())
			.min(1, 'select at least one case')
			.max(500)
	})
	.strict()
	.refine(oneTarget, oneTargetError);
export type BulkReassign = z.input<typeof bulkReassignSchema>;

const listValue = z.string().trim().min(1).max(100).optional();
/** `GET /api/v1/cases?…`: every filter optional; `status=open` (default) means not resolved/closed. */
export const caseListQuerySchema = z
	.object({
		province: z
			.string()
			.regex(/^(\d{2}|unknown)$/)
			.optional(),
		issueType: listValue,
		team: listValue,
		/** An agent id, or `none` for unassigned cases. */
		assignee: listValue,
		/** The case's worst SLA state (breached > at_risk > on_track > met_late > met). */
		state: z.enum(SLA_STATES).optional(),
		channel: z.enum(CASE_CHANNELS).optional(),
		status: z.enum([...CASE_STATUSES, 'open', 'all']).default('open'),
		sort: z.enum(['timeLeft', 'newest']).default('timeLeft'),
		limit: z.coerce.number().int().min(1).max(1000).default(200)
	})
	.strict();
export type CaseListQuery = z.input<typeof caseListQuerySchema>;

// --- administration --------------------------------------------------------------------------
export const agentSaveSchema = z
	.object({
		actor,
		/** Omitted on create: generated. The PBX agent id (e.g. `1001`) fits here. */
		id: z
			.string()
			.regex(/^[A-Za-z0-9_.-]{1,60}$/, 'must be letters, digits, _ . or -')
			.optional(),
		name: text(200),
		teamIds: z.array(id).default([]),
		provinces: z.array(provinceCode).default([]),
		issueTypes: z.array(code).default([]),
		active: z.boolean().default(true)
	})
	.strict();
export type AgentSave = z.input<typeof agentSaveSchema>;

export const teamSaveSchema = z
	.object({
		actor,
		id: z
			.string()
			.regex(/^[a-z0-9-]{1,60}$/, 'must be lower-case letters, digits or -')
			.optional(),
		name: text(200),
		/** Receives the team's breach notifications. */
		leadAgentId: id.nullable().default(null),
		/** Notifications are delivered in this calendar's business hours. */
		calendarId: id.default('standard'),
		active: z.boolean().default(true)
	})
	.strict();
export type TeamSave = z.input<typeof teamSaveSchema>;

/** Local wall time `HH:MM` (end may be `24:00`). */
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM, e.g. 07:30');
const interval = z.object({ start: clock, end: clock }).strict();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/**
 * `PUT /api/v1/admin/calendars/:id`. Overlaps, an interval ending before it starts and dates
 * that do not exist (2026-02-30) are rejected by the service with the field's path.
 */
export const calendarSaveSchema = z
	.object({
		actor,
		id: z.string().regex(/^[a-z0-9-]{1,60}$/, 'must be lower-case letters, digits or -'),
		name: text(200),
		timeZone: text(60).default('Asia/Jakarta'),
		/** Weekly business intervals; weekday 0 = Sunday … 6 = Saturday; several per day allowed. */
		weekly: z.array(interval.extend({ weekday: z.number().int().min(0).max(6) }).strict()),
		/** Dated replacements of the weekly hours (`intervals: []` closes the day). */
		overrides: z.array(z.object({ date, intervals: z.array(interval) }).strict()).default([]),
		holidays: z
			.array(
				z.object({ date, name: text(200), source: text(500), kind: z.enum(HOLIDAY_KINDS) }).strict()
			)
			.default([])
	})
	.strict();
export type CalendarSave = z.input<typeof calendarSaveSchema>;

/** `PUT /api/v1/admin/sla-policies/:id`. A change applies to cases created after it. */
export const slaPolicySaveSchema = z
	.object({
		actor,
		id: z.string().regex(/^[a-z0-9-]{1,60}$/, 'must be lower-case letters, digits or -'),
		name: text(200),
		issueType: code.nullable().default(null),
		priority: z.enum(CASE_PRIORITIES).nullable().default(null),
		channel: z.enum(CASE_CHANNELS).nullable().default(null),
		firstResponseMinutes: z.number().positive().max(1_000_000),
		resolutionMinutes: z.number().positive().max(1_000_000),
		atRiskPercent: z.number().gt(0).max(100).default(80),
		calendarId: id
	})
	.strict()
	// A case is answered before it is resolved: a longer first-response target is a typing slip.
	.refine((v) => v.firstResponseMinutes <= v.resolutionMinutes, {
		path: ['firstResponseMinutes'],
		message: 'must not be longer than resolutionMinutes'
	});
export type SlaPolicySave = z.input<typeof slaPolicySaveSchema>;

// --- views -----------------------------------------------------------------------------------
export interface Named {
	id: string;
	name: string;
}

export interface SlaTargetView {
	state: SlaStateName;
	dueAt: string | null;
	atRiskAt: string | null;
	metAt: string | null;
	/** The resolution clock is stopped (waiting on the reporter). */
	paused: boolean;
	/** Seconds past `dueAt` when breached or met late, else 0. */
	lateBySeconds: number;
}

export interface CaseSlaView {
	policyId: string;
	firstResponse: SlaTargetView;
	resolution: SlaTargetView;
	nextTransitionAt: string | null;
}

export interface CaseHistoryEntry {
	id: number;
	at: string;
	actor: string;
	kind: 'created' | 'reassigned' | 'status' | 'responded' | 'sla';
	from: string | null;
	to: string | null;
	reason: string | null;
	payload: Record<string, unknown> | null;
}

/** One row of the work queue (`GET /api/v1/cases`). */
export interface CaseRow {
	id: string;
	/** Human number `K-2026-000123`. */
	number: string;
	version: number;
	status: CaseStatus;
	provinceCode: string;
	issueType: string;
	priority: CasePriority;
	channel: CaseChannel;
	subject: string;
	assignee: Named | null;
	team: Named | null;
	createdAt: string;
	/** The worst of the two targets' states (breached > at_risk > on_track > met_late > met). */
	state: SlaStateName;
	firstResponse: SlaStateName;
	resolution: SlaStateName;
	/** The nearest running due instant (first response if still running, else resolution). */
	dueAt: string | null;
	/** Seconds to `dueAt` (negative when breached); null when no clock runs. */
	timeLeftSeconds: number | null;
}

/** A call or chat session a case is linked to: no caller number, no chat contact key. */
export interface SourceContactView {
	channel: 'call' | 'chat';
	id: string;
	/** Queue entry of a call / start of a chat session, ISO 8601 with `+07:00`. */
	startedAt: string;
	queues: string[];
	province: string;
	issueType: string;
}

/** `GET /api/v1/cases/:id`. */
export interface CaseView extends CaseRow {
	reporterType: ReporterType;
	reporterName: string | null;
	/** Masked: `+62 812-****-7890`, `b***@example.com`. */
	reporterContact: string;
	cooperativeId: string | null;
	villageCode: string | null;
	regencyCode: string | null;
	description: string;
	sourceContactId: string | null;
	/** The call or chat the case was made from; null for letters, forms and source systems. */
	sourceContact: SourceContactView | null;
	milestones: {
		receivedAt: string;
		createdAt: string;
		firstResponseAt: string | null;
		resolvedAt: string | null;
		closedAt: string | null;
	};
	sla: CaseSlaView;
	history: CaseHistoryEntry[];
}

export type CaseFilterKey =
	'province' | 'issueType' | 'team' | 'assignee' | 'state' | 'channel' | 'status';

export interface CaseListResult {
	asOf: string;
	rows: CaseRow[];
	/** Matching cases before `limit`. */
	total: number;
	/** Per filter, per value: cases matching every OTHER filter (facet counts). */
	counts: Record<CaseFilterKey, Record<string, number>>;
}

export interface ConflictCurrent {
	version: number;
	assignee: Named | null;
	team: Named | null;
	by: string;
	at: string;
}

/** The 409 body: `already reassigned by <who> to <whom> at <WIB time>, refresh?`. */
export interface ConflictBody {
	error: { code: 'conflict'; message: string; current: ConflictCurrent };
}

/** Any other error body; `field` names the offending input field when there is one. */
export interface ErrorBody {
	error: { code: string; message: string; field?: string };
}

export type BulkItemResult =
	| { caseId: string; result: 'ok'; version: number }
	| { caseId: string; result: 'conflict'; message: string; current: ConflictCurrent }
	| { caseId: string; result: 'not_found' | 'invalid'; message: string };

export interface BulkReassignResult {
	results: BulkItemResult[];
}

export interface AgentView {
	id: string;
	name: string;
	teamIds: string[];
	provinces: string[];
	issueTypes: string[];
	active: boolean;
}

export interface TeamView {
	id: string;
	name: string;
	leadAgentId: string | null;
	calendarId: string;
	active: boolean;
}

export type CalendarView = Omit<z.output<typeof calendarSaveSchema>, 'actor'> & {
	updatedAt: string;
};
/** The current revision of a policy; `revision` grows with each edit (cases keep theirs). */
export type SlaPolicyView = Omit<z.output<typeof slaPolicySaveSchema>, 'actor'> & {
	revision: number;
	updatedAt: string;
};

export interface NotificationView {
	id: number;
	recipientAgentId: string | null;
	teamId: string | null;
	caseId: string;
	caseNumber: string;
	kind: 'sla.breached';
	/** What happened, without personal data: the case's place and the target that was missed. */
	province: string;
	issueType: string;
	target: SlaTargetName;
	/** The instant the target was missed (may be hours before delivery, e.g. on a Saturday). */
	breachedAt: string;
	text: string;
	createdAt: string;
	/** When it becomes visible/deliverable: the next opening of the team's calendar. */
	deliverAt: string;
	deliveredAt: string | null;
	readAt: string | null;
}

/** A breach on the wall ticker: no personal data. */
export interface WallBreach {
	caseId: string;
	number: string;
	province: string;
	issueType: string;
	target: SlaTargetName;
	at: string;
	lateBySeconds: number;
}
