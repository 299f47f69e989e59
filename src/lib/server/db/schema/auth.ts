/**
 * Accounts, sessions, credentials and the audit log (issue 5). Secrets (session ids, tokens)
 * are stored only as SHA-256 of long random values; passwords only as argon2id hashes.
 */
import {
	bigint,
	bigserial,
	boolean,
	index,
	jsonb,
	pgTable,
	text,
	timestamp
} from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const codes = (name: string) => jsonb(name).$type<string[]>().notNull().default([]);

export const users = pgTable('users', {
	id: bigserial('id', { mode: 'number' }).primaryKey(),
	/** Lower-cased; the sign-in name. */
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	passwordHash: text('password_hash').notNull(),
	role: text('role').notNull(),
	/** Scope: BPS province codes and issue-type codes; empty = all (where the role allows). */
	provinces: codes('provinces'),
	issueTypes: codes('issue_types'),
	/** The agent this user works as (agents see their own cases). */
	agentId: text('agent_id'),
	active: boolean('active').notNull().default(true),
	createdAt: instant('created_at').notNull().defaultNow(),
	updatedAt: instant('updated_at').notNull().defaultNow()
});

/** Wall display tokens: bound to a layout and a wall scope, read-only, revocable. */
export const displayTokens = pgTable('display_tokens', {
	id: bigserial('id', { mode: 'number' }).primaryKey(),
	name: text('name').notNull(),
	layout: text('layout').notNull(),
	province: text('province'),
	issueType: text('issue_type'),
	tokenHash: text('token_hash').notNull().unique(),
	tokenPrefix: text('token_prefix').notNull(),
	createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
	createdAt: instant('created_at').notNull().defaultNow(),
	revokedAt: instant('revoked_at')
});

/** Browser sessions of users, and the long-lived cookies of wall displays. */
export const sessions = pgTable(
	'sessions',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		tokenHash: text('token_hash').notNull().unique(),
		userId: bigint('user_id', { mode: 'number' }).references(() => users.id),
		displayTokenId: bigint('display_token_id', { mode: 'number' }).references(
			() => displayTokens.id
		),
		address: text('address'),
		userAgent: text('user_agent'),
		createdAt: instant('created_at').notNull().defaultNow(),
		lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
		revokedAt: instant('revoked_at')
	},
	(t) => [
		index('sessions_user_idx').on(t.userId),
		index('sessions_display_idx').on(t.displayTokenId)
	]
);

/** Personal API tokens for the read APIs, scoped like their owner. */
export const apiTokens = pgTable(
	'api_tokens',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		userId: bigint('user_id', { mode: 'number' })
			.notNull()
			.references(() => users.id),
		name: text('name').notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		tokenPrefix: text('token_prefix').notNull(),
		createdAt: instant('created_at').notNull().defaultNow(),
		lastUsedAt: instant('last_used_at'),
		revokedAt: instant('revoked_at')
	},
	(t) => [index('api_tokens_user_idx').on(t.userId)]
);

/** Failed sign-ins, for throttling per account and per address (kept for the window only). */
export const signInFailures = pgTable(
	'sign_in_failures',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		email: text('email').notNull(),
		address: text('address').notNull(),
		at: instant('at').notNull()
	},
	(t) => [
		index('sign_in_failures_email_idx').on(t.email, t.at),
		index('sign_in_failures_address_idx').on(t.address, t.at)
	]
);

/**
 * The append-only audit log, hash-chained (domain/access/audit-chain.ts): `seq` is assigned
 * under a lock as the previous seq + 1, so the chain is one line even with concurrent writers.
 */
export const auditLog = pgTable(
	'audit_log',
	{
		seq: bigint('seq', { mode: 'number' }).primaryKey(),
		at: instant('at').notNull(),
		actor: text('actor').notNull(),
		action: text('action').notNull(),
		target: text('target'),
		outcome: text('outcome').notNull(),
		address: text('address'),
		detail: jsonb('detail'),
		prevHash: text('prev_hash').notNull(),
		hash: text('hash').notNull()
	},
	(t) => [index('audit_log_at_idx').on(t.at), index('audit_log_action_idx').on(t.action)]
);
