import { describe, expect, it } from 'vitest';
import { needsTouch, sessionEndsAt, sessionState, type SessionTimes } from './session';

const policy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3600_000 };
const t0 = Date.UTC(2026, 2, 9, 2, 0);
const s = (over: Partial<SessionTimes> = {}): SessionTimes => ({
	createdAt: t0,
	lastSeenAt: t0,
	revokedAt: null,
	display: false,
	...over
});

describe('sessionState', () => {
	it.each([
		['fresh', s(), t0 + 1000, 'valid'],
		['just before idle', s(), t0 + policy.idleMs - 1, 'valid'],
		['idle at exactly the idle time', s(), t0 + policy.idleMs, 'idle'],
		[
			'kept alive by use, then past the absolute lifetime',
			s({ lastSeenAt: t0 + policy.absoluteMs - 1 }),
			t0 + policy.absoluteMs,
			'expired'
		],
		['revoked', s({ revokedAt: t0 + 5 }), t0 + 10, 'revoked'],
		['display: never idle nor expired', s({ display: true }), t0 + 400 * 86_400_000, 'valid'],
		['display revoked', s({ display: true, revokedAt: t0 }), t0 + 1, 'revoked']
	] as const)('%s', (_n, session, now, expected) => {
		expect(sessionState(session, now, policy)).toBe(expected);
	});
});

describe('needsTouch and sessionEndsAt', () => {
	it('writes last-seen at most once a minute', () => {
		expect(needsTouch(t0, t0 + 59_999, policy)).toBe(false);
		expect(needsTouch(t0, t0 + 60_000, policy)).toBe(true);
		expect(needsTouch(t0, t0 + 6_000, { idleMs: 60_000, absoluteMs: 1e9 })).toBe(true);
	});
	it('ends at the earlier of idle and absolute', () => {
		expect(sessionEndsAt(s(), policy)).toBe(t0 + policy.idleMs);
		expect(sessionEndsAt(s({ lastSeenAt: t0 + policy.absoluteMs }), policy)).toBe(
			t0 + policy.absoluteMs
		);
		expect(sessionEndsAt(s({ display: true }), policy)).toBeNull();
	});
});
