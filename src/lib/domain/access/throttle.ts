/**
 * Sign-in throttling (issue 5 §1): after too many failures for one account, or from one
 * address, within a window, further attempts are refused until the oldest failure in the
 * window ages out. Both limits apply; the answer says which one and for how long.
 */

export interface ThrottlePolicy {
	windowMs: number;
	maxPerAccount: number;
	maxPerAddress: number;
}

export type ThrottleDecision =
	{ allowed: true } | { allowed: false; by: 'account' | 'address'; retryAfterMs: number };

/** Failure instants (epoch ms) of the account and of the address, any order. */
export interface Failures {
	account: readonly number[];
	address: readonly number[];
}

function blockedFor(times: readonly number[], max: number, now: number, windowMs: number) {
	const recent = times.filter((t) => t > now - windowMs && t <= now).sort((a, b) => a - b);
	if (recent.length < max) return 0;
	// Allowed again when enough failures have left the window to drop below the limit.
	const freeing = recent[recent.length - max]!;
	return freeing + windowMs - now;
}

/** May another sign-in be attempted now? */
export function throttle(
	failures: Failures,
	now: number,
	policy: ThrottlePolicy
): ThrottleDecision {
	const account = blockedFor(failures.account, policy.maxPerAccount, now, policy.windowMs);
	const address = blockedFor(failures.address, policy.maxPerAddress, now, policy.windowMs);
	if (account <= 0 && address <= 0) return { allowed: true };
	return account >= address
		? { allowed: false, by: 'account', retryAfterMs: account }
		: { allowed: false, by: 'address', retryAfterMs: address };
}

/** "try again in 4 minutes" — whole minutes, rounded up, at least one. */
export function retryMinutes(retryAfterMs: number): number {
	return Math.max(1, Math.ceil(retryAfterMs / 60_000));
}
