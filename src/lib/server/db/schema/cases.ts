/**
 * Cases, their history, teams and agents, business calendars, SLA policies, stored SLA
 * transitions and the notification outbox (issue 3, sla.md). Instants are timestamptz (UTC).
 */
import {
	bigserial,
	boolean,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const teams = pgTable('teams', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	/** The agent who receives the team's breach notifications. */
	leadAgentId: text('lead_agent_id'),
	/** Notifications to the team are delivered in this calendar's business hours. */
	calendarId: text('calendar_id').notNull().default('standard'),
	active: boolean('active').notNull().default(true),
	updatedAt: instant('updated_at').notNull().defaultNow()
});

export const agents = pgTable('agents', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	teamIds: text('team_ids').array().notNull().default([]),
	provinces: text('provinces').array().notNull().default([]),
	issueTypes: text('issue_types').array().notNull().default([]),
	active: boolean('active').notNull().default(true),
	updatedAt: instant('updated_at').notNull().defaultNow()
});

/** Last case number handed out per year (`K-2026-000123`). */
export const caseCounters = pgTable('case_counters', {
	year: integer('year').primaryKey(),
	last: integer('last').notNull()
});

export const cases = pgTable(
	'cases',
	{
		id: text('id').primaryKey(),
		number: text('number').notNull().unique(),
		/** Optimistic concurrency: every change is `… where id = $1 and version = $2`. */
		version: integer('version').notNull().default(1),
		status: text('status').notNull(),
		reporterType: text('reporter_type').notNull(),
		reporterName: text('reporter_name'),
		/** Stored as given; every view masks it. */
		reporterContact: text('reporter_contact').notNull(),
		cooperativeId: text('cooperative_id'),
		villageCode: text('village_code'),
		regencyCode: text('regency_code'),
		provinceCode: text('province_code').notNull(),
		issueType: text('issue_type').notNull(),
		priority: text('priority').notNull(),
		channel: text('channel').notNull(),
		subject: text('subject').notNull(),
		description: text('description').notNull(),
		/** api | form | contact */
		origin: text('origin').notNull(),
		sourceContactId: text('source_contact_id'),
		assigneeId: text('assignee_id'),
		teamId: text('team_id'),
		/** The policy revision that governs this case, fixed at creation (`default@1`). */
		policyId: text('policy_id').notNull(),
		/** When the clocks start: the letter's arrival, else the creation instant. */
		receivedAt: instant('received_at').notNull(),
		createdAt: instant('created_at').notNull(),
		firstResponseAt: instant('first_response_at'),
		/** The current resolution (resolved or closed), null while open. */
		resolvedAt: instant('resolved_at'),
		closedAt: instant('closed_at'),
		/** Spans in waiting_on_reporter (`to` null = still waiting), epoch ms. */
		pauses: jsonb('pauses').$type<{ from: number; to: number | null }[]>().notNull().default([]),
		/** Resolved spans a reopen ended, epoch ms. */
		resolvedPeriods: jsonb('resolved_periods')
			.$type<{ from: number; to: number }[]>()
			.notNull()
			.default([]),
		updatedAt: instant('updated_at').notNull()
	},
	(t) => [
		index('cases_status_idx').on(t.status),
		index('cases_created_idx').on(t.createdAt),
		index('cases_source_contact_idx').on(t.sourceContactId)
	]
);

/** A case's history: every change, who made it, from what to what, and why. */
export const caseEvents = pgTable(
	'case_events',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		caseId: text('case_id')
			.notNull()
			.references(() => cases.id),
		at: instant('at').notNull(),
		actor: text('actor').notNull(),
		kind: text('kind').notNull(),
		fromValue: text('from_value'),
		toValue: text('to_value'),
		reason: text('reason'),
		payload: jsonb('payload').$type<Record<string, unknown>>()
	},
	(t) => [index('case_events_case_idx').on(t.caseId, t.id)]
);

export const calendars = pgTable('calendars', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	timeZone: text('time_zone').notNull(),
	/** Per weekday 0 = Sunday: `[startMinute, endMinute)` pairs. */
	weekly: jsonb('weekly').$type<[number, number][][]>().notNull(),
	overrides: jsonb('overrides').$type<Record<string, [number, number][]>>().notNull(),
	updatedAt: instant('updated_at').notNull().defaultNow()
});

export const holidays = pgTable(
	'holidays',
	{
		calendarId: text('calendar_id')
			.notNull()
			.references(() => calendars.id),
		date: text('date').notNull(),
		name: text('name').notNull(),
		source: text('source').notNull(),
		kind: text('kind').notNull()
	},
	(t) => [primaryKey({ columns: [t.calendarId, t.date] })]
);

/** Policy revisions: an edit adds a revision and supersedes the old one, which cases keep. */
export const slaPolicies = pgTable(
	'sla_policies',
	{
		id: text('id').notNull(),
		revision: integer('revision').notNull(),
		name: text('name').notNull(),
		issueType: text('issue_type'),
		priority: text('priority'),
		channel: text('channel'),
		firstResponseMinutes: doublePrecision('first_response_minutes').notNull(),
		resolutionMinutes: doublePrecision('resolution_minutes').notNull(),
		atRiskPercent: doublePrecision('at_risk_percent').notNull(),
		calendarId: text('calendar_id').notNull(),
		createdAt: instant('created_at').notNull().defaultNow(),
		supersededAt: instant('superseded_at')
	},
	(t) => [primaryKey({ columns: [t.id, t.revision] })]
);

/** Each SLA transition is stored once (sla.md §States), with its own instant. */
export const slaTransitions = pgTable(
	'sla_transitions',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		caseId: text('case_id')
			.notNull()
			.references(() => cases.id),
		target: text('target').notNull(),
		fromState: text('from_state').notNull(),
		toState: text('to_state').notNull(),
		at: instant('at').notNull(),
		recordedAt: instant('recorded_at').notNull()
	},
	(t) => [
		uniqueIndex('sla_transitions_once_uq').on(t.caseId, t.target, t.toState),
		index('sla_transitions_at_idx').on(t.toState, t.at)
	]
);

/** The notification outbox: in-app from `deliver_at`, webhook until sent (restarts lose nothing). */
export const notifications = pgTable(
	'notifications',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		/** One notification per fact: `breach:<caseId>:<target>`. */
		dedupeKey: text('dedupe_key').notNull().unique(),
		caseId: text('case_id')
			.notNull()
			.references(() => cases.id),
		teamId: text('team_id'),
		recipientAgentId: text('recipient_agent_id'),
		kind: text('kind').notNull(),
		text: text('text').notNull(),
		payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
		createdAt: instant('created_at').notNull(),
		deliverAt: instant('deliver_at').notNull(),
		readAt: instant('read_at'),
		/** none | pending | sent | failed */
		webhookState: text('webhook_state').notNull(),
		webhookAttempts: integer('webhook_attempts').notNull().default(0),
		webhookNextAt: instant('webhook_next_at'),
		webhookSentAt: instant('webhook_sent_at'),
		webhookError: text('webhook_error')
	},
	(t) => [
		index('notifications_recipient_idx').on(t.recipientAgentId, t.deliverAt),
		index('notifications_webhook_idx').on(t.webhookState, t.webhookNextAt)
	]
);
