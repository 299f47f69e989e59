/**
 * The one schema for PGlite and PostgreSQL; migrations in drizzle/ are generated from it
 * (`npm run db:generate`). Instants are timestamptz (UTC), shown in WIB only by the UI.
 */
import {
	bigserial,
	index,
	integer,
	jsonb,
	pgTable,
	smallint,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const provinces = pgTable('provinces', {
	code: text('code').primaryKey(),
	name: text('name').notNull()
});

export const regencies = pgTable(
	'regencies',
	{
		code: text('code').primaryKey(),
		provinceCode: text('province_code')
			.notNull()
			.references(() => provinces.code),
		name: text('name').notNull()
	},
	(t) => [index('regencies_province_idx').on(t.provinceCode)]
);

export const districts = pgTable(
	'districts',
	{
		code: text('code').primaryKey(),
		regencyCode: text('regency_code')
			.notNull()
			.references(() => regencies.code),
		name: text('name').notNull()
	},
	(t) => [index('districts_regency_idx').on(t.regencyCode)]
);

/** Desa/kelurahan: each is where one Koperasi Desa/Kelurahan Merah Putih sits. */
export const villages = pgTable(
	'villages',
	{
		code: text('code').primaryKey(),
		districtCode: text('district_code')
			.notNull()
			.references(() => districts.code),
		name: text('name').notNull()
	},
	(t) => [index('villages_district_idx').on(t.districtCode)]
);

export const issueTypes = pgTable('issue_types', {
	code: text('code').primaryKey(),
	labelId: text('label_id').notNull(),
	labelEn: text('label_en').notNull(),
	sortOrder: smallint('sort_order').notNull()
});

/** PBX queues and the issue type each serves; thresholds per queue (metrics.md §Calls). */
export const queues = pgTable('queues', {
	name: text('name').primaryKey(),
	label: text('label').notNull(),
	issueTypeCode: text('issue_type_code').references(() => issueTypes.code),
	serviceLevelSeconds: integer('service_level_seconds').notNull().default(20),
	shortAbandonSeconds: integer('short_abandon_seconds').notNull().default(5),
	serviceLevelGoal: integer('service_level_goal').notNull().default(80)
});

/** Ingest keys, one or more per source; only a SHA-256 of the key is stored. */
export const ingestKeys = pgTable('ingest_keys', {
	id: bigserial('id', { mode: 'number' }).primaryKey(),
	source: text('source').notNull(),
	keyHash: text('key_hash').notNull().unique(),
	keyPrefix: text('key_prefix').notNull(),
	createdAt: instant('created_at').notNull().defaultNow(),
	revokedAt: instant('revoked_at')
});

/** The append-only store of contact events; (source, source_event_id) is stored once. */
export const contactEvents = pgTable(
	'contact_events',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		source: text('source').notNull(),
		sourceEventId: text('source_event_id').notNull(),
		type: text('type').notNull(),
		channel: text('channel').notNull(),
		contactId: text('contact_id'),
		occurredAt: instant('occurred_at').notNull(),
		receivedAt: instant('received_at').notNull().defaultNow(),
		payload: jsonb('payload').notNull()
	},
	(t) => [
		uniqueIndex('contact_events_source_event_uq').on(t.source, t.sourceEventId),
		index('contact_events_occurred_idx').on(t.occurredAt),
		index('contact_events_contact_idx').on(t.channel, t.contactId)
	]
);
