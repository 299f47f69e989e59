/**
 * Case rows and views on the wire (contracts/cases.ts): instants as ISO 8601 with the WIB
 * offset, the reporter's contact masked, SLA targets with state, due and at-risk instants.
 */
import { maskContact } from '../../../domain/cases/contact-mask';
import { isOpenStatus } from '../../../domain/cases/facts';
import type { CaseSlaStatus, SlaState, SlaTargetStatus } from '../../../domain/sla/types';
import { toWibIso } from '../../../domain/time/wib';
import type {
	CaseHistoryEntry,
	CaseRow,
	CaseView,
	ReporterType,
	SlaTargetView,
	SourceContactView
} from '../../../contracts/cases';
import type { CaseEventRecord, CaseRecord } from '../../repositories/case.repository';
import type { Directory } from './directory';
import { summaryOf, type CaseSummary } from './records';

const iso = (t: number | null) => (t === null ? null : toWibIso(t));
const RUNNING: SlaState[] = ['on_track', 'at_risk', 'breached'];
/** Worst first: the work queue's state of a case. */
const SEVERITY: SlaState[] = ['breached', 'at_risk', 'on_track', 'met_late', 'met'];

export function worstState(status: CaseSlaStatus): SlaState {
	const a = SEVERITY.indexOf(status.firstResponse.state);
	const b = SEVERITY.indexOf(status.resolution.state);
	return SEVERITY[Math.min(a, b)]!;
}

export function targetView(t: SlaTargetStatus, now: number): SlaTargetView {
	const lateFrom = t.state === 'met_late' ? t.metAt : t.state === 'breached' ? now : null;
	return {
		state: t.state,
		dueAt: iso(t.dueAt),
		atRiskAt: iso(t.atRiskAt),
		metAt: iso(t.metAt),
		paused: t.paused ?? false,
		lateBySeconds:
			lateFrom !== null && t.dueAt !== null
				? Math.max(0, Math.round((lateFrom - t.dueAt) / 1000))
				: 0
	};
}

/** The nearest due instant among the targets still running. */
function nearestDue(status: CaseSlaStatus): number | null {
	const dues = [status.firstResponse, status.resolution]
		.filter((t) => RUNNING.includes(t.state) && t.dueAt !== null)
		.map((t) => t.dueAt!);
	return dues.length ? Math.min(...dues) : null;
}

export function rowOf(
	c: CaseSummary,
	status: CaseSlaStatus,
	directory: Directory,
	now: number
): CaseRow {
	const due = isOpenStatus(c.status) ? nearestDue(status) : null;
	return {
		id: c.id,
		number: c.number,
		version: c.version,
		status: c.status,
		provinceCode: c.provinceCode,
		issueType: c.issueType,
		priority: c.priority,
		channel: c.channel,
		subject: c.subject,
		assignee: directory.agentRef(c.assigneeId),
		team: directory.teamRef(c.teamId),
		createdAt: toWibIso(c.createdAt),
		state: worstState(status),
		firstResponse: status.firstResponse.state,
		resolution: status.resolution.state,
		dueAt: iso(due),
		timeLeftSeconds: due === null ? null : Math.floor((due - now) / 1000)
	};
}

export function historyEntry(e: CaseEventRecord): CaseHistoryEntry {
	return {
		id: e.id,
		at: toWibIso(e.at.getTime()),
		actor: e.actor,
		kind: e.kind as CaseHistoryEntry['kind'],
		from: e.fromValue,
		to: e.toValue,
		reason: e.reason,
		payload: e.payload ?? null
	};
}

export function viewOf(
	r: CaseRecord,
	status: CaseSlaStatus,
	history: CaseHistoryEntry[],
	directory: Directory,
	now: number,
	sourceContact: SourceContactView | null = null
): CaseView {
	const c = summaryOf(r);
	return {
		...rowOf(c, status, directory, now),
		reporterType: r.reporterType as ReporterType,
		reporterName: r.reporterName,
		reporterContact: maskContact(r.reporterContact),
		cooperativeId: r.cooperativeId,
		villageCode: r.villageCode,
		regencyCode: r.regencyCode,
		description: r.description,
		sourceContactId: r.sourceContactId,
		sourceContact,
		milestones: {
			receivedAt: toWibIso(c.receivedAt),
			createdAt: toWibIso(c.createdAt),
			firstResponseAt: iso(c.firstResponseAt),
			resolvedAt: iso(c.resolvedAt),
			closedAt: iso(c.closedAt)
		},
		sla: {
			policyId: c.policyId,
			firstResponse: targetView(status.firstResponse, now),
			resolution: targetView(status.resolution, now),
			nextTransitionAt: iso(status.nextTransitionAt)
		},
		history
	};
}
