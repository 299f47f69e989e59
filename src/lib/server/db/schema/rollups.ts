/**
 * Trend rollups (issue 6 §Rollups): each contact's facts (domain/metrics/facts.ts), and their
 * sums per hour and per WIB day × province × issue type × channel × queue. Cells are exactly
 * the sums of the stored facts; a late event re-derives its contact and moves the difference.
 */
import {
	bigint,
	date,
	index,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp
} from 'drizzle-orm/pg-core';
import { F } from '../../../domain/metrics/fields';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export type CounterName = keyof typeof F;
/** Counter columns in F order (the column of F.answered is `answered`, and so on). */
export const COUNTER_NAMES = (Object.keys(F) as CounterName[]).sort((a, b) => F[a] - F[b]);

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const counter = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);
const counters = Object.fromEntries(
	COUNTER_NAMES.map((name) => [name, counter(snake(name))])
) as Record<CounterName, ReturnType<typeof counter>>;

/** One hour or WIB day of one dims combination; `queue` '' is the contact-centre total. */
export const rollupCells = pgTable(
	'rollup_cells',
	{
		grain: text('grain').notNull(),
		start: instant('start').notNull(),
		/** The WIB calendar date of `start` (weeks and months group on it). */
		day: date('day', { mode: 'string' }).notNull(),
		province: text('province').notNull(),
		issueType: text('issue_type').notNull(),
		channel: text('channel').notNull(),
		queue: text('queue').notNull(),
		...counters,
		/** First-response times (ms, ascending) of the cell: the exact p90 needs every one. */
		frtMs: jsonb('frt_ms').$type<number[]>().notNull().default([])
	},
	(t) => [
		primaryKey({
			columns: [t.grain, t.start, t.province, t.issueType, t.channel, t.queue]
		}),
		index('rollup_cells_day_idx').on(t.grain, t.day)
	]
);

/** The facts each contact last contributed (so a change moves only the difference). */
export const contactFacts = pgTable(
	'contact_facts',
	{
		channel: text('channel').notNull(),
		contactId: text('contact_id').notNull(),
		/** The contact's total dims (for drill-down lists). */
		province: text('province'),
		issueType: text('issue_type'),
		/** Earliest and latest fact instant; null without facts. */
		firstAt: instant('first_at'),
		lastAt: instant('last_at'),
		/** Chat sessions: the contact key and span the 24 h containment rule looks across. */
		chatContact: text('chat_contact'),
		chatStartedAt: instant('chat_started_at'),
		chatEndedAt: instant('chat_ended_at'),
		/** `[at, field, value, dimsIndex][]` with `dims: [province, issueType, channel, queue][]`. */
		facts: jsonb('facts').$type<StoredFacts>().notNull(),
		updatedAt: instant('updated_at').notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.channel, t.contactId] }),
		index('contact_facts_span_idx').on(t.firstAt, t.lastAt),
		index('contact_facts_chat_idx').on(t.chatContact)
	]
);

export interface StoredFacts {
	dims: [string, string, string, string][];
	facts: [number, number, number, number][];
}

/** Small named values of the rollup writer (the last event id it has applied). */
export const rollupState = pgTable('rollup_state', {
	name: text('name').primaryKey(),
	value: bigint('value', { mode: 'number' }).notNull()
});
