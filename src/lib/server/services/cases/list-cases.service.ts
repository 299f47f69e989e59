/**
 * The team lead's work queue (issue 3 §Team lead work queue): open cases from the scheduler's
 * memory (no query), resolved/closed ones from the store; filters by province, issue type,
 * team, assignee, SLA state, channel and status; counts per filter value over the cases that
 * match every OTHER filter (so each count says what choosing that value would show); sorted by
 * time left, breached first.
 */
import {
	OPEN_STATUSES,
	caseListQuerySchema,
	type CaseFilterKey,
	type CaseListResult,
	type CaseRow
} from '../../../contracts/cases';
import { toWibIso } from '../../../domain/time/wib';
import type { Container } from '../../container';
import { queryCaseSummaries } from '../../repositories/case.repository';
import { fromIssues } from './errors';
import { summaryOf, type CaseSummary } from './records';
import { rowOf } from './views';
import { clockInputOf } from '../../../domain/cases/facts';
import { visibleCaseRows } from '../access/request-context';

const KEYS: CaseFilterKey[] = [
	'province',
	'issueType',
	'team',
	'assignee',
	'state',
	'channel',
	'status'
];
const CLOSED_LIMIT = 5000;

const valueOf: Record<CaseFilterKey, (r: CaseRow) => string> = {
	province: (r) => r.provinceCode,
	issueType: (r) => r.issueType,
	team: (r) => r.team?.id ?? 'none',
	assignee: (r) => r.assignee?.id ?? 'none',
	state: (r) => r.state,
	channel: (r) => r.channel,
	status: (r) => r.status
};

export async function listCaseRows(c: Container, raw: unknown): Promise<CaseListResult> {
	const parsed = caseListQuerySchema.safeParse(raw);
	if (!parsed.success) throw fromIssues(parsed.error.issues);
	const q = parsed.data;
	const now = c.cases.timers.now();
	// Only the cases the caller may see (issue 5): counts never reveal other provinces either.
	const visible = visibleCaseRows();
	const rows = (await candidates(c, q.status)).map((s) => row(c, s, now)).filter(visible);
	const wanted: Partial<Record<CaseFilterKey, string>> = {
		province: q.province,
		issueType: q.issueType,
		team: q.team,
		assignee: q.assignee,
		state: q.state,
		channel: q.channel
	};
	const active = KEYS.filter((k) => wanted[k] !== undefined);
	const counts = Object.fromEntries(
		KEYS.map((k) => [k, {} as Record<string, number>])
	) as CaseListResult['counts'];
	const matched: CaseRow[] = [];
	for (const r of rows) {
		const misses = active.filter((k) => valueOf[k](r) !== wanted[k]);
		if (misses.length === 0) matched.push(r);
		if (misses.length > 1) continue;
		for (const k of KEYS) {
			if (misses.length === 1 && misses[0] !== k) continue;
			const v = valueOf[k](r);
			counts[k][v] = (counts[k][v] ?? 0) + 1;
		}
	}
	matched.sort(q.sort === 'newest' ? newestFirst : byTimeLeft);
	return { asOf: toWibIso(now), rows: matched.slice(0, q.limit), total: matched.length, counts };
}

async function candidates(c: Container, status: string): Promise<CaseSummary[]> {
	const open = OPEN_STATUSES as readonly string[];
	if (status === 'open' || open.includes(status)) {
		const all = [...c.cases.scheduler.openCases()];
		return status === 'open' ? all : all.filter((s) => s.status === status);
	}
	const statuses = status === 'all' ? ['resolved', 'closed'] : [status];
	const closed = (await queryCaseSummaries(c.database.db, { statuses }, CLOSED_LIMIT)).map(
		summaryOf
	);
	return status === 'all' ? [...c.cases.scheduler.openCases(), ...closed] : closed;
}

function row(c: Container, s: CaseSummary, now: number): CaseRow {
	const status =
		c.cases.scheduler.statusOf(s.id, now) ?? c.cases.evaluator().evaluate(clockInputOf(s), now);
	return rowOf(s, status, c.cases.directory, now);
}

function byTimeLeft(a: CaseRow, b: CaseRow): number {
	const x = a.timeLeftSeconds ?? Infinity;
	const y = b.timeLeftSeconds ?? Infinity;
	return x - y || (a.createdAt < b.createdAt ? -1 : 1);
}

function newestFirst(a: CaseRow, b: CaseRow): number {
	return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;
}
