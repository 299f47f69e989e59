/**
 * Credentials an administrator hands out (issue 5 §4–5): personal API tokens (read APIs,
 * scoped like their owner), wall display tokens (one wall, read-only) and ingest keys (one
 * source). Each is shown once, stored hashed, listed by prefix, revocable, and audited.
 */
import { mayWatch } from '../../../domain/access/scope';
import {
	apiTokenCreateSchema,
	displayTokenCreateSchema,
	issuesMessage
} from '../../../contracts/access';
import type { AccessDeps } from './deps';
import {
	findDisplayToken,
	insertApiToken,
	insertDisplayToken,
	listApiTokens as listApiTokenRows,
	listDisplayTokens as listDisplayTokenRows,
	revokeApiToken as revokeApiTokenRow,
	revokeDisplayToken as revokeDisplayTokenRow
} from '../../repositories/credential.repository';
import {
	createIngestKey as createIngestKeyRow,
	listIngestKeys as listIngestKeyRows,
	revokeIngestKey as revokeIngestKeyRow
} from '../../repositories/ingest-key.repository';
import { insertSession, revokeDisplaySessions } from '../../repositories/session.repository';
import { findUserByEmail } from '../../repositories/user.repository';
import { audit, type Actor } from './audit.service';
import { AccessError } from './errors';
import { displayPrincipal } from './principals';
import {
	API_TOKEN_PREFIX,
	DISPLAY_TOKEN_PREFIX,
	hashSecret,
	looksLikeSecret,
	newSecret,
	secretPrefix
} from './secrets';

const invalid = (issues: readonly { path: PropertyKey[]; message: string }[]) =>
	new AccessError('invalid_payload', issuesMessage(issues));

export async function createApiToken(c: AccessDeps, input: unknown, actor: Actor) {
	const parsed = apiTokenCreateSchema.safeParse(input);
	if (!parsed.success) throw invalid(parsed.error.issues);
	const db = c.database.db;
	const user = await findUserByEmail(db, parsed.data.user);
	if (!user) throw new AccessError('not_found', `user: no user ${parsed.data.user}`);
	const token = newSecret(API_TOKEN_PREFIX);
	const row = await insertApiToken(db, {
		userId: user.id,
		name: parsed.data.name,
		tokenHash: hashSecret(token),
		tokenPrefix: secretPrefix(token)
	});
	await audit(
		db,
		actor,
		{
			action: 'api_token.create',
			target: `api_token:${row.id}`,
			detail: { user: user.email, name: row.name }
		},
		c.clock.now()
	);
	return { id: row.id, token };
}

export async function revokeApiToken(c: AccessDeps, id: number, actor: Actor): Promise<void> {
	const row = await revokeApiTokenRow(c.database.db, id, new Date(c.clock.now()));
	if (!row) throw new AccessError('not_found', `id: no active API token ${id}`);
	c.bus.publish('access:changed', { apiTokenId: String(id) });
	await audit(
		c.database.db,
		actor,
		{ action: 'api_token.revoke', target: `api_token:${id}` },
		c.clock.now()
	);
}

export const listApiTokens = (c: AccessDeps) => listApiTokenRows(c.database.db);

export async function createDisplayToken(c: AccessDeps, input: unknown, actor: Actor) {
	const parsed = displayTokenCreateSchema.safeParse(input);
	if (!parsed.success) throw invalid(parsed.error.issues);
	const d = parsed.data;
	if (d.province && !c.reference.provinces.some((p) => p.code === d.province)) {
		throw new AccessError(
			'invalid_payload',
			`province: "${d.province}" is not a BPS province code`
		);
	}
	if (d.issueType && !c.reference.issueTypes.some((t) => t.code === d.issueType)) {
		throw new AccessError('invalid_payload', `issueType: "${d.issueType}" is not in the taxonomy`);
	}
	// An administrator can only hand out a wall they may watch themselves.
	if (
		actor.principal &&
		!mayWatch(actor.principal, { province: d.province, issueType: d.issueType })
	) {
		throw new AccessError('forbidden', 'province: outside your own scope');
	}
	const token = newSecret(DISPLAY_TOKEN_PREFIX);
	const db = c.database.db;
	const createdBy = actor.principal?.kind === 'user' ? Number(actor.principal.userId) : null;
	const row = await insertDisplayToken(db, {
		...d,
		tokenHash: hashSecret(token),
		tokenPrefix: secretPrefix(token),
		createdBy
	});
	await audit(
		db,
		actor,
		{ action: 'display_token.create', target: `display_token:${row.id}`, detail: d },
		c.clock.now()
	);
	return { id: row.id, token };
}

export async function revokeDisplayToken(c: AccessDeps, id: number, actor: Actor): Promise<void> {
	const now = new Date(c.clock.now());
	const row = await revokeDisplayTokenRow(c.database.db, id, now);
	if (!row) throw new AccessError('not_found', `id: no active display token ${id}`);
	const sessions = await revokeDisplaySessions(c.database.db, id, now);
	c.bus.publish('access:changed', { displayTokenId: String(id), sessionIds: sessions.map(String) });
	await audit(
		c.database.db,
		actor,
		{
			action: 'display_token.revoke',
			target: `display_token:${id}`,
			detail: { screens: sessions.length }
		},
		now.getTime()
	);
}

export const listDisplayTokens = (c: AccessDeps) => listDisplayTokenRows(c.database.db);

export type DisplayExchange =
	| { ok: true; cookie: string; wall: { province: string | null; issueType: string | null } }
	| { ok: false; reason: 'revoked' | 'unknown' };

/**
 * The TV opens `/wall?display=<token>` once: the token becomes a long-lived display cookie
 * (a session of the token, revoked with it). A revoked token gets the "revoked" screen.
 */
export async function exchangeDisplayToken(
	c: AccessDeps,
	token: string,
	meta: { address: string; userAgent: string | null }
): Promise<DisplayExchange> {
	if (!looksLikeSecret(token, DISPLAY_TOKEN_PREFIX)) return { ok: false, reason: 'unknown' };
	const db = c.database.db;
	const row = await findDisplayToken(db, hashSecret(token));
	if (!row) return { ok: false, reason: 'unknown' };
	const principal = displayPrincipal(row, 'pending');
	if (!principal) return { ok: false, reason: 'revoked' };
	const cookie = newSecret();
	const now = new Date(c.clock.now());
	const session = await insertSession(db, {
		tokenHash: hashSecret(cookie),
		userId: null,
		displayTokenId: row.id,
		address: meta.address,
		userAgent: meta.userAgent?.slice(0, 300) ?? null,
		createdAt: now,
		lastSeenAt: now
	});
	principal.credentialId = `session:${session.id}`;
	await audit(
		db,
		{ principal, address: meta.address },
		{ action: 'display_token.open', target: `display_token:${row.id}` },
		now.getTime()
	);
	return { ok: true, cookie, wall: principal.wall };
}

export async function createIngestKey(
	c: AccessDeps,
	source: string,
	actor: Actor
): Promise<string> {
	if (!/^[a-z0-9][a-z0-9._-]{0,62}$/.test(source)) {
		throw new AccessError(
			'invalid_payload',
			'source: lower-case letters, digits, ".", "_" or "-", at most 63 characters'
		);
	}
	const key = await createIngestKeyRow(c.database.db, source);
	await audit(
		c.database.db,
		actor,
		{
			action: 'ingest_key.create',
			target: `source:${source}`,
			detail: { prefix: key.slice(0, 10) }
		},
		c.clock.now()
	);
	return key;
}

export async function revokeIngestKey(c: AccessDeps, id: number, actor: Actor): Promise<void> {
	if (!(await revokeIngestKeyRow(c.database.db, id)))
		throw new AccessError('not_found', `id: no active ingest key ${id}`);
	await audit(
		c.database.db,
		actor,
		{ action: 'ingest_key.revoke', target: `ingest_key:${id}` },
		c.clock.now()
	);
}

export const listIngestKeys = (c: AccessDeps) => listIngestKeyRows(c.database.db);
