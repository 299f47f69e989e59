/**
 * Who is asking (issue 5 §1, §3–5): a session cookie, a display cookie or a personal API token
 * becomes a principal, or nothing. Expired, revoked, malformed or forged credentials give no
 * principal; the caller answers 401 (or the display's "revoked" screen).
 */
import { sessionState, needsTouch } from '../../../domain/access/session';
import type { Principal } from '../../../domain/access/principal';
import type { AccessDeps } from './deps';
import {
	findApiToken,
	findApiTokenById,
	touchApiToken
} from '../../repositories/credential.repository';
import {
	findSession,
	findSessionById,
	touchSession,
	type SessionLookup
} from '../../repositories/session.repository';
import { displayPrincipal, userPrincipal } from './principals';
import { API_TOKEN_PREFIX, hashSecret, looksLikeSecret } from './secrets';

export const SESSION_COOKIE = 'sigap_session';
export const DISPLAY_COOKIE = 'sigap_display';

export interface Credentials {
	session?: string | null;
	display?: string | null;
	/** The `Authorization: Bearer …` value, if any. */
	bearer?: string | null;
}

export interface Authentication {
	principal: Principal | null;
	/** The session cookie was present but is not (any longer) valid: clear it. */
	staleSession: boolean;
	/** The display cookie names a revoked display token: show the "revoked" screen. */
	displayRevoked: boolean;
	/** A bearer token was sent but is not a valid API token. */
	badToken: boolean;
}

/** Resolves the request's credentials; an API token wins, then a user session, then a display. */
export async function authenticate(c: AccessDeps, creds: Credentials): Promise<Authentication> {
	const result: Authentication = {
		principal: null,
		staleSession: false,
		displayRevoked: false,
		badToken: false
	};
	if (creds.bearer?.startsWith(API_TOKEN_PREFIX)) {
		result.principal = await byApiToken(c, creds.bearer);
		result.badToken = result.principal === null;
		return result;
	}
	if (creds.session) {
		result.principal = await bySession(c, creds.session, 'user');
		result.staleSession = result.principal === null;
		if (result.principal) return result;
	}
	if (creds.display) {
		const lookup = looksLikeSecret(creds.display)
			? await findSession(c.database.db, hashSecret(creds.display))
			: null;
		result.principal = lookup ? await principalOf(c, lookup, 'display') : null;
		result.displayRevoked = Boolean(
			lookup?.display && (lookup.display.revokedAt || lookup.session.revokedAt)
		);
	}
	return result;
}

async function byApiToken(c: AccessDeps, token: string): Promise<Principal | null> {
	if (!looksLikeSecret(token, API_TOKEN_PREFIX)) return null;
	const found = await findApiToken(c.database.db, hashSecret(token));
	if (!found) return null;
	const now = c.clock.now();
	if (!found.token.lastUsedAt || now - found.token.lastUsedAt.getTime() > 60_000) {
		await touchApiToken(c.database.db, found.token.id, new Date(now));
	}
	return userPrincipal(found.user, 'token', `token:${found.token.id}`);
}

async function bySession(c: AccessDeps, cookie: string, kind: 'user' | 'display') {
	if (!looksLikeSecret(cookie)) return null;
	const lookup = await findSession(c.database.db, hashSecret(cookie));
	return lookup ? principalOf(c, lookup, kind) : null;
}

/**
 * The principal of a stored session if it is still valid now. A request touches last-seen; a
 * socket re-check does not: an open page left alone still ends at the idle timeout.
 */
async function principalOf(
	c: AccessDeps,
	{ session, user, display }: SessionLookup,
	kind: 'user' | 'display',
	touch = true
): Promise<Principal | null> {
	const now = c.clock.now();
	const times = {
		createdAt: session.createdAt.getTime(),
		lastSeenAt: session.lastSeenAt.getTime(),
		revokedAt: session.revokedAt?.getTime() ?? null,
		display: display !== null
	};
	if (sessionState(times, now, c.config.auth.session) !== 'valid') return null;
	const credentialId = `session:${session.id}`;
	const principal =
		kind === 'user'
			? user && userPrincipal(user, 'session', credentialId)
			: display && displayPrincipal(display, credentialId);
	if (principal && touch && needsTouch(times.lastSeenAt, now, c.config.auth.session)) {
		await touchSession(c.database.db, session.id, new Date(now));
	}
	return principal ?? null;
}

/**
 * The principal behind an open socket, as stored now: null when its session or token was
 * revoked or expired, or its user deactivated; a new role or scope otherwise (issue 5 §3).
 */
export async function reloadPrincipal(c: AccessDeps, p: Principal): Promise<Principal | null> {
	const [kind, raw] = p.credentialId.split(':');
	const id = Number(raw);
	if (!Number.isInteger(id)) return null;
	if (kind === 'token') {
		const found = await findApiTokenById(c.database.db, id);
		if (!found || found.token.revokedAt) return null;
		return userPrincipal(found.user, 'token', p.credentialId);
	}
	const lookup = await findSessionById(c.database.db, id);
	return lookup ? principalOf(c, lookup, p.kind, false) : null;
}
