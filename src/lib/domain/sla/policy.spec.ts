import { describe, it, expect } from 'vitest';
import { matchPolicy, policyProblems, type PolicyKey, type SlaPolicy } from './policy';

const policy = (id: string, fields: Partial<SlaPolicy> = {}): SlaPolicy => ({
	id,
	name: id,
	issueType: null,
	priority: null,
	channel: null,
	firstResponseMinutes: 60,
	resolutionMinutes: 480,
	calendarId: 'standard',
	...fields
});

const policies = [
	policy('default'),
	policy('urgent', { priority: 'urgent' }),
	policy('chat', { channel: 'chat' }),
	policy('lahan', { issueType: 'kopdes_lahan' }),
	policy('lahan-urgent', { issueType: 'kopdes_lahan', priority: 'urgent' }),
	policy('urgent-chat', { priority: 'urgent', channel: 'chat' }),
	policy('lahan-urgent-call', { issueType: 'kopdes_lahan', priority: 'urgent', channel: 'call' })
];

const key = (
	issueType: string,
	priority: PolicyKey['priority'],
	channel: PolicyKey['channel']
) => ({
	issueType,
	priority,
	channel
});

describe('matchPolicy (most specific wins)', () => {
	it.each([
		[key('other', 'normal', 'ticket'), 'default'],
		[key('other', 'urgent', 'ticket'), 'urgent'],
		[key('other', 'normal', 'chat'), 'chat'],
		[key('kopdes_lahan', 'normal', 'ticket'), 'lahan'],
		// One field each: issue type outranks priority outranks channel.
		[key('kopdes_lahan', 'normal', 'chat'), 'lahan'],
		// Two fields beat one; among two-field matches issue type + priority beats priority + channel.
		[key('kopdes_lahan', 'urgent', 'chat'), 'lahan-urgent'],
		[key('other', 'urgent', 'chat'), 'urgent-chat'],
		[key('kopdes_lahan', 'urgent', 'call'), 'lahan-urgent-call']
	])('%o → %s', (k, id) => {
		expect(matchPolicy(policies, k).id).toBe(id);
	});

	it('does not depend on list order', () => {
		const k = key('kopdes_lahan', 'urgent', 'chat');
		expect(matchPolicy([...policies].reverse(), k).id).toBe(matchPolicy(policies, k).id);
	});

	it('breaks a tie between identical rules by the smallest id', () => {
		const twins = [
			policy('default'),
			policy('b-chat', { channel: 'chat' }),
			policy('a-chat', { channel: 'chat' })
		];
		expect(matchPolicy(twins, key('x', 'low', 'chat')).id).toBe('a-chat');
		expect(matchPolicy([...twins].reverse(), key('x', 'low', 'chat')).id).toBe('a-chat');
	});

	it('throws a clear error without a default policy', () => {
		expect(() => matchPolicy(policies.slice(1), key('kopdes_lahan', 'urgent', 'call'))).toThrow(
			/lack a default policy/
		);
	});
});

describe('policyProblems', () => {
	it('accepts a valid policy, with or without the at-risk percent', () => {
		expect(policyProblems(policy('p'))).toEqual([]);
		expect(policyProblems(policy('p', { atRiskPercent: 100 }))).toEqual([]);
	});
	it.each([
		[{ firstResponseMinutes: 0 }, /firstResponseMinutes must be a positive number, got 0/],
		[{ resolutionMinutes: Number.NaN }, /resolutionMinutes must be a positive number/],
		[{ atRiskPercent: 0 }, /atRiskPercent must be in \(0, 100\], got 0/],
		[{ atRiskPercent: 120 }, /got 120/]
	])('reports %o', (patch, message) => {
		expect(policyProblems(policy('p', patch)).join('; ')).toMatch(message);
	});
});
