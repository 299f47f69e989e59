/**
 * Sign-in and sign-out (issue 5 §1). A new session id at every sign-in (the old cookie, if any,
 * is revoked: no fixation); throttled per account and per address; every attempt audited,
 * failures without saying whether the account exists.
 */
import { retryMinutes, throttle } from '../../../domain/access/throttle';
import type { Principal } from '../../../domain/access/principal';
import { issuesMessage, signInSchema } from '../../../contracts/access';
import type { AccessDeps } from './deps';
import {
	clearSignInFailures,
	recordSignInFailure,
	signInFailuresSince
} from '../../repositories/sign-in-failure.repository';
import {
	findSession,
	insertSession,
	revokeSessions,
	revokeUserSessions
} from '../../repositories/session.repository';
import { findUserByEmail } from '../../repositories/user.repository';
import { audit, type Actor } from './audit.service';
import { verifyPassword } from './passwords';
import { userPrincipal } from './principals';
import { hashSecret, looksLikeSecret, newSecret } from './secrets';

export interface SignInMeta {
	address: string;
	userAgent: string | null;
	/** The session cookie the browser still had, revoked now (session id rotation). */
	previous?: string | null;
}

export type SignInResult =
	| { ok: true; cookie: string; principal: Principal }
	| { ok: false; code: 'invalid_payload'; message: string }
	| { ok: false; code: 'invalid_credentials' }
	| { ok: false; code: 'throttled'; by: 'account' | 'address'; retryMinutes: number };

export async function signIn(
	c: AccessDeps,
	input: unknown,
	meta: SignInMeta
): Promise<SignInResult> {
	const parsed = signInSchema.safeParse(input);
	if (!parsed.success)
		return { ok: false, code: 'invalid_payload', message: issuesMessage(parsed.error.issues) };
	const { email, password } = parsed.data;
	const db = c.database.db;
	const now = c.clock.now();
	const policy = c.config.auth.throttle;
	const actor: Actor = { principal: null, address: meta.address, name: `sign-in:${email}` };
	const failures = await signInFailuresSince(
		db,
		email,
		meta.address,
		new Date(now - policy.windowMs)
	);
	const gate = throttle(failures, now, policy);
	if (!gate.allowed) {
		await audit(
			db,
			actor,
			{ action: 'auth.sign_in', outcome: 'denied', detail: { reason: 'throttled', by: gate.by } },
			now
		);
		return {
			ok: false,
			code: 'throttled',
			by: gate.by,
			retryMinutes: retryMinutes(gate.retryAfterMs)
		};
	}
	const user = await findUserByEmail(db, email);
	const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
	const principal = user && passwordOk ? userPrincipal(user, 'session', 'pending') : null;
	if (!user || !principal) {
		await recordSignInFailure(db, email, meta.address, new Date(now));
		const reason = !user ? 'unknown account' : !passwordOk ? 'wrong password' : 'account disabled';
		await audit(db, actor, { action: 'auth.sign_in', outcome: 'failed', detail: { reason } }, now);
		return { ok: false, code: 'invalid_credentials' };
	}
	await revokePrevious(c, meta.previous, now);
	await clearSignInFailures(db, email, new Date(now - policy.windowMs));
	const cookie = newSecret();
	const session = await insertSession(db, {
		tokenHash: hashSecret(cookie),
		userId: user.id,
		displayTokenId: null,
		address: meta.address,
		userAgent: meta.userAgent?.slice(0, 300) ?? null,
		createdAt: new Date(now),
		lastSeenAt: new Date(now)
	});
	principal.credentialId = `session:${session.id}`;
	await audit(
		db,
		{ principal, address: meta.address },
		{ action: 'auth.sign_in', target: `user:${user.id}` },
		now
	);
	return { ok: true, cookie, principal };
}

async function revokePrevious(c: AccessDeps, previous: string | null | undefined, now: number) {
	if (!previous || !looksLikeSecret(previous)) return;
	const old = await findSession(c.database.db, hashSecret(previous));
	if (!old) return;
	const revoked = await revokeSessions(c.database.db, [old.session.id], new Date(now));
	if (revoked.length) c.bus.publish('access:changed', { sessionIds: revoked.map(String) });
}

/** Ends this browser's session. */
export async function signOut(c: AccessDeps, principal: Principal, actor: Actor): Promise<void> {
	const id = Number(principal.credentialId.replace(/^session:/, ''));
	if (!Number.isInteger(id)) return;
	const now = c.clock.now();
	const revoked = await revokeSessions(c.database.db, [id], new Date(now));
	c.bus.publish('access:changed', { sessionIds: revoked.map(String) });
	await audit(
		c.database.db,
		actor,
		{ action: 'auth.sign_out', target: principal.credentialId },
		now
	);
}

/** Ends every session of a user (their own "sign out everywhere", or an administrator's). */
export async function signOutEverywhere(
	c: AccessDeps,
	userId: number,
	actor: Actor
): Promise<number> {
	const now = c.clock.now();
	const revoked = await revokeUserSessions(c.database.db, userId, new Date(now));
	c.bus.publish('access:changed', { userId: String(userId), sessionIds: revoked.map(String) });
	await audit(
		c.database.db,
		actor,
		{
			action: 'auth.sign_out_everywhere',
			target: `user:${userId}`,
			detail: { sessions: revoked.length }
		},
		now
	);
	return revoked.length;
}
