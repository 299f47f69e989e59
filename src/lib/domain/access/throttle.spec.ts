import { describe, expect, it } from 'vitest';
import { retryMinutes, throttle } from './throttle';

const policy = { windowMs: 15 * 60_000, maxPerAccount: 5, maxPerAddress: 20 };
const now = 1_000_000_000;
const times = (n: number, from: number, step = 1000) =>
	Array.from({ length: n }, (_, i) => from + i * step);

describe('throttle', () => {
	it('allows below both limits', () => {
		expect(
			throttle({ account: times(4, now - 10_000), address: times(19, now - 30_000) }, now, policy)
		).toEqual({ allowed: true });
	});
	it('blocks the account at its limit until the oldest failure leaves the window', () => {
		const account = times(5, now - 60_000);
		expect(throttle({ account, address: [] }, now, policy)).toEqual({
			allowed: false,
			by: 'account',
			retryAfterMs: now - 60_000 + policy.windowMs - now
		});
		expect(throttle({ account, address: [] }, now - 60_000 + policy.windowMs, policy)).toEqual({
			allowed: true
		});
	});
	it('blocks an address spraying many accounts', () => {
		const d = throttle({ account: [], address: times(20, now - 20_000) }, now, policy);
		expect(d).toMatchObject({ allowed: false, by: 'address' });
	});
	it('ignores failures outside the window and in the future', () => {
		const old = times(10, now - policy.windowMs - 20_000);
		expect(throttle({ account: [...old, now + 5000], address: old }, now, policy)).toEqual({
			allowed: true
		});
	});
	it('with more failures than the limit waits for enough of them to age out', () => {
		const account = times(7, now - 70_000, 10_000);
		const d = throttle({ account, address: [] }, now, policy);
		// 7 failures, limit 5: the third oldest must leave the window
		expect(d).toEqual({
			allowed: false,
			by: 'account',
			retryAfterMs: now - 50_000 + policy.windowMs - now
		});
	});
	it('rounds the wait up to whole minutes', () => {
		expect(retryMinutes(1)).toBe(1);
		expect(retryMinutes(60_000)).toBe(1);
		expect(retryMinutes(60_001)).toBe(2);
	});
});
