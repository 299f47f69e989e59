/**
 * Session lifetime (issue 5 §1): a session ends when revoked, after `idleMs` without use, or
 * `absoluteMs` after sign-in, whichever comes first. Display sessions have neither limit: a
 * wall runs unattended until its token is revoked (issue 5 §4).
 */

export interface SessionTimes {
	createdAt: number;
	lastSeenAt: number;
	revokedAt: number | null;
	/** Display sessions never time out; they end with their token. */
	display: boolean;
}

export interface SessionPolicy {
	idleMs: number;
	absoluteMs: number;
}

export type SessionState = 'valid' | 'revoked' | 'idle' | 'expired';

/** The state of a session at `now`. */
export function sessionState(s: SessionTimes, now: number, policy: SessionPolicy): SessionState {
	if (s.revokedAt !== null && s.revokedAt <= now) return 'revoked';
	if (s.display) return 'valid';
	if (now >= s.createdAt + policy.absoluteMs) return 'expired';
	if (now >= s.lastSeenAt + policy.idleMs) return 'idle';
	return 'valid';
}

/** Last-seen is written at most once a minute (or a tenth of the idle time), not per request. */
export function needsTouch(lastSeenAt: number, now: number, policy: SessionPolicy): boolean {
	return now - lastSeenAt >= Math.min(60_000, policy.idleMs / 10);
}

/** When the session ends if nothing else happens (for the cookie's expiry), or null. */
export function sessionEndsAt(s: SessionTimes, policy: SessionPolicy): number | null {
	if (s.display) return null;
	return Math.min(s.createdAt + policy.absoluteMs, s.lastSeenAt + policy.idleMs);
}
