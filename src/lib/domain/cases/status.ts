/**
 * Case status changes (issue 3; sla.md §Policies): what a change does to the clock facts and
 * which contact events record it. Waiting on the reporter stops the resolution clock; leaving
 * resolved/closed for an open status is a reopen, and the same resolution clock runs on.
 */
import type { CaseEvent } from '../events';
import { CASE_STATUSES, isOpenStatus, type CaseClockFacts, type CaseStatus } from './facts';

export type CaseEventType = CaseEvent['type'];

export interface StatusDecision {
	/** The facts after the change. */
	facts: CaseClockFacts;
	/** Contact events to record at the change's instant, in this order. */
	events: CaseEventType[];
}

export class CaseRuleError extends Error {
	constructor(
		readonly field: string,
		message: string
	) {
		super(message);
		this.name = 'CaseRuleError';
	}
}

/** Why a case in `from` may not move to `to`, or null when it may. */
export function statusRefusal(
	from: CaseStatus,
	to: CaseStatus,
	hasAssignee: boolean
): string | null {
	if (to === from) return `the case is already ${from}`;
	if (to === 'new') return 'a case cannot go back to new';
	if (from === 'closed' && to === 'resolved')
		return 'a closed case cannot be resolved; reopen it first';
	if (to === 'assigned' && !hasAssignee)
		return 'assigned needs an assignee: reassign the case instead';
	return null;
}

/** The statuses a case in `from` may move to: what the case page offers, by the same rules. */
export function statusTargets(from: CaseStatus, hasAssignee: boolean): CaseStatus[] {
	return CASE_STATUSES.filter((to) => statusRefusal(from, to, hasAssignee) === null);
}

/**
 * Decides a change to `to` at instant `at`. Throws `CaseRuleError` (field `status`) for a change
 * the rules forbid: to the same status, back to `new`, `closed` → `resolved`, or to `assigned`
 * without an assignee.
 */
export function decideStatusChange(
	facts: CaseClockFacts,
	to: CaseStatus,
	at: number,
	hasAssignee: boolean
): StatusDecision {
	const from = facts.status;
	const refused = statusRefusal(from, to, hasAssignee);
	if (refused) throw new CaseRuleError('status', refused);
	const next: CaseClockFacts = {
		...facts,
		status: to,
		pauses: facts.pauses.map((p) => ({ ...p })),
		resolvedPeriods: [...facts.resolvedPeriods]
	};
	const events: CaseEventType[] = [];
	if (from === 'waiting_on_reporter') {
		const open = next.pauses.find((p) => p.to === null);
		if (open) open.to = at;
		if (isOpenStatus(to)) events.push('case.resumed');
	}
	if (!isOpenStatus(from) && isOpenStatus(to)) {
		next.resolvedPeriods.push({ from: facts.resolvedAt ?? at, to: at });
		next.resolvedAt = null;
		next.closedAt = null;
		events.push('case.reopened');
	}
	if (to === 'waiting_on_reporter') {
		next.pauses.push({ from: at, to: null });
		events.push('case.waiting');
	}
	if (!isOpenStatus(to)) {
		if (next.resolvedAt === null) next.resolvedAt = at;
		if (to === 'closed') next.closedAt = at;
		events.push(to === 'closed' ? 'case.closed' : 'case.resolved');
	}
	return { facts: next, events };
}
