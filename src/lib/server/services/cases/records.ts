/**
 * Store rows (Dates) to the case values the services reason with (epoch ms), in one place.
 */
import type {
	CaseClockFacts,
	CaseStatus,
	CaseChannel,
	Priority
} from '../../../domain/cases/facts';
import type { CaseSummaryRecord } from '../../repositories/case.repository';

/** An open (or just closed) case as the scheduler and the work queue hold it. */
export interface CaseSummary extends CaseClockFacts {
	id: string;
	number: string;
	version: number;
	provinceCode: string;
	subject: string;
	assigneeId: string | null;
	teamId: string | null;
	createdAt: number;
}

const ms = (d: Date | null) => (d === null ? null : d.getTime());

export function summaryOf(r: CaseSummaryRecord): CaseSummary {
	return {
		id: r.id,
		number: r.number,
		version: r.version,
		status: r.status as CaseStatus,
		provinceCode: r.provinceCode,
		issueType: r.issueType,
		priority: r.priority as Priority,
		channel: r.channel as CaseChannel,
		subject: r.subject,
		assigneeId: r.assigneeId,
		teamId: r.teamId,
		policyId: r.policyId,
		receivedAt: r.receivedAt.getTime(),
		createdAt: r.createdAt.getTime(),
		firstResponseAt: ms(r.firstResponseAt),
		resolvedAt: ms(r.resolvedAt),
		closedAt: ms(r.closedAt),
		pauses: r.pauses,
		resolvedPeriods: r.resolvedPeriods
	};
}

/** The clock columns of a case update, from facts. */
export function clockColumns(f: CaseClockFacts) {
	const date = (t: number | null) => (t === null ? null : new Date(t));
	return {
		status: f.status,
		firstResponseAt: date(f.firstResponseAt),
		resolvedAt: date(f.resolvedAt),
		closedAt: date(f.closedAt),
		pauses: f.pauses,
		resolvedPeriods: f.resolvedPeriods
	};
}
