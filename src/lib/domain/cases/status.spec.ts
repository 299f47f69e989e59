import { describe, expect, it } from 'vitest';
import { clockInputOf, type CaseClockFacts, type CaseStatus } from './facts';
import { CaseRuleError, decideStatusChange, statusTargets } from './status';

const T = Date.parse('2026-03-09T08:00:00+07:00');
const H = 3600_000;

const facts = (more: Partial<CaseClockFacts> = {}): CaseClockFacts => ({
	status: 'in_progress',
	receivedAt: T,
	firstResponseAt: null,
	resolvedAt: null,
	closedAt: null,
	pauses: [],
	resolvedPeriods: [],
	policyId: 'default@1',
	issueType: 'kopdes_lahan',
	priority: 'normal',
	channel: 'ticket',
	...more
});

describe('decideStatusChange', () => {
	it.each<{
		name: string;
		from: Partial<CaseClockFacts>;
		to: CaseStatus;
		events: string[];
		want: Partial<CaseClockFacts>;
	}>([
		{
			name: 'waiting on the reporter opens a pause',
			from: {},
			to: 'waiting_on_reporter',
			events: ['case.waiting'],
			want: { pauses: [{ from: T + H, to: null }] }
		},
		{
			name: 'the reporter answers: the pause ends',
			from: { status: 'waiting_on_reporter', pauses: [{ from: T, to: null }] },
			to: 'in_progress',
			events: ['case.resumed'],
			want: { pauses: [{ from: T, to: T + H }] }
		},
		{
			name: 'resolving while waiting ends the pause at the resolution',
			from: { status: 'waiting_on_reporter', pauses: [{ from: T, to: null }] },
			to: 'resolved',
			events: ['case.resolved'],
			want: { pauses: [{ from: T, to: T + H }], resolvedAt: T + H }
		},
		{
			name: 'closing an open case is its resolution',
			from: {},
			to: 'closed',
			events: ['case.closed'],
			want: { resolvedAt: T + H, closedAt: T + H }
		},
		{
			name: 'closing a resolved case keeps the first resolution',
			from: { status: 'resolved', resolvedAt: T },
			to: 'closed',
			events: ['case.closed'],
			want: { resolvedAt: T, closedAt: T + H }
		},
		{
			name: 'reopening keeps the resolved span as a stop of the same clock',
			from: { status: 'closed', resolvedAt: T, closedAt: T },
			to: 'in_progress',
			events: ['case.reopened'],
			want: { resolvedAt: null, closedAt: null, resolvedPeriods: [{ from: T, to: T + H }] }
		},
		{
			name: 'reopening straight into waiting: reopen, then wait',
			from: { status: 'resolved', resolvedAt: T },
			to: 'waiting_on_reporter',
			events: ['case.reopened', 'case.waiting'],
			want: { resolvedPeriods: [{ from: T, to: T + H }], pauses: [{ from: T + H, to: null }] }
		}
	])('$name', ({ from, to, events, want }) => {
		const before = facts(from);
		const d = decideStatusChange(before, to, T + H, true);
		expect(d.events).toEqual(events);
		expect(d.facts).toMatchObject({ status: to, ...want });
		expect(before).toEqual(facts(from));
	});

	it.each<[Partial<CaseClockFacts>, CaseStatus, boolean, RegExp]>([
		[{}, 'in_progress', true, /already in_progress/],
		[{}, 'new', true, /cannot go back to new/],
		[{ status: 'closed', resolvedAt: T }, 'resolved', true, /reopen it first/],
		[{}, 'assigned', false, /needs an assignee/]
	])('refuses %j → %s', (from, to, hasAssignee, message) => {
		const run = () => decideStatusChange(facts(from), to, T + H, hasAssignee);
		expect(run).toThrow(CaseRuleError);
		expect(run).toThrow(message);
	});

	it('clock input carries the policy revision and the stops', () => {
		const f = facts({ pauses: [{ from: T, to: T + H }], resolvedPeriods: [] });
		expect(clockInputOf(f)).toMatchObject({ openedAt: T, policyId: 'default@1', pauses: f.pauses });
	});
});

describe('statusTargets: what the case page offers (the same rules as the change)', () => {
	it.each([
		['new', false, ['in_progress', 'waiting_on_reporter', 'resolved', 'closed']],
		['new', true, ['assigned', 'in_progress', 'waiting_on_reporter', 'resolved', 'closed']],
		['in_progress', true, ['assigned', 'waiting_on_reporter', 'resolved', 'closed']],
		['closed', false, ['in_progress', 'waiting_on_reporter']],
		['resolved', true, ['assigned', 'in_progress', 'waiting_on_reporter', 'closed']]
	] as const)('%s (assignee: %s) → %j', (from, hasAssignee, targets) => {
		expect(statusTargets(from, hasAssignee)).toEqual(targets);
	});
});
