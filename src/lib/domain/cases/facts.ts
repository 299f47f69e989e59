/**
 * The facts of a case that its SLA clock and status rules need (issue 3, sla.md), as plain
 * values: instants in epoch ms. The case service loads them from the store; the rules here
 * decide, the service persists.
 */
import type { CaseClockInput } from '../sla/types';

export const CASE_STATUSES = [
	'new',
	'assigned',
	'in_progress',
	'waiting_on_reporter',
	'resolved',
	'closed'
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type Priority = CaseClockInput['priority'];
export type CaseChannel = CaseClockInput['channel'];

export interface CaseClockFacts {
	status: CaseStatus;
	/** Clocks start here: the letter's arrival, else the creation instant. */
	receivedAt: number;
	firstResponseAt: number | null;
	/** The current resolution (resolved or closed), null while open. */
	resolvedAt: number | null;
	closedAt: number | null;
	pauses: { from: number; to: number | null }[];
	resolvedPeriods: { from: number; to: number }[];
	policyId: string;
	issueType: string;
	priority: Priority;
	channel: CaseChannel;
}

/** Open: not resolved or closed (metrics.md §Tickets: backlog). */
export function isOpenStatus(status: CaseStatus): boolean {
	return status !== 'resolved' && status !== 'closed';
}

/**
 * The SLA clock input of a case. It mirrors what the metrics engine folds from the case's
 * contact events (metrics/cases.ts), so the wall and the scheduler see the same states.
 */
export function clockInputOf(c: CaseClockFacts): CaseClockInput {
	return {
		openedAt: c.receivedAt,
		firstRespondedAt: c.firstResponseAt,
		resolvedAt: c.resolvedAt,
		pauses: c.pauses,
		resolvedPeriods: c.resolvedPeriods,
		policyId: c.policyId,
		issueType: c.issueType,
		priority: c.priority,
		channel: c.channel
	};
}
