/**
 * `GET /trends/export/cases?from=…&to=…&format=csv|xlsx` (issue 6 §Exports): one row per case
 * created in the range, for audits — number, channel, province, regency, issue type, team,
 * assignee, status, milestones in WIB and the SLA state of both targets now. No reporter data.
 */
import { clockInputOf } from '../../../domain/cases/facts';
import { CHANNELS, type Channel } from '../../../domain/events';
import { toCsv } from '../../../domain/export/csv';
import type { ExportTable } from '../../../domain/export/table';
import type { SlaTargetStatus } from '../../../domain/sla/types';
import { trendsId as t } from '../../../i18n/trends/id';
import type { Container } from '../../container';
import { toXlsx } from '../../export/xlsx';
import { casesCreatedIn } from '../../repositories/case-audit.repository';
import type { TrendScope } from '../../repositories/trend.repository';
import { summaryOf } from '../cases/records';
import type { FileAnswer } from './export';
import { filterProblem } from './scope';
import { wibStamp } from './tables';
import { trendInstant } from './trend-query';

/** Rows per file at most (an audit of a year of a busy centre fits). */
export const AUDIT_LIMIT = 200_000;

const problem = (status: 400 | 403, message: string): FileAnswer => ({
	status,
	headers: { 'content-type': 'application/json' },
	body: JSON.stringify({
		error: { code: status === 403 ? 'forbidden' : 'invalid_query', message }
	})
});

const stamp = (d: Date | null) => (d ? wibStamp(d.getTime()) : null);
const due = (s: SlaTargetStatus) => (s.dueAt === null ? null : wibStamp(s.dueAt));

/** The audit table of the cases the parameters select. */
export async function auditTable(
	c: Pick<Container, 'database' | 'cases' | 'clock' | 'reference'>,
	q: { from: number; to: number; province?: string; issueType?: string; channel?: string },
	scope?: TrendScope
): Promise<ExportTable> {
	const rows = await casesCreatedIn(c.database.db, {
		...q,
		provinces: scope?.provinces ?? null,
		issueTypes: scope?.issueTypes ?? null,
		limit: AUDIT_LIMIT
	});
	const now = c.clock.now();
	const evaluator = c.cases.evaluator();
	const dir = c.cases.directory;
	const issue = (code: string) =>
		c.reference.issueTypes.find((x) => x.code === code)?.labelId ?? code;
	const a = t.audit;
	const cols = [
		a.number,
		a.channel,
		a.provinceCode,
		a.province,
		a.regencyCode,
		a.regency,
		a.issueType,
		a.team,
		a.assignee,
		a.status,
		a.received,
		a.created,
		a.firstResponse,
		a.resolved,
		a.closed,
		a.firstResponseSla,
		a.firstResponseDue,
		a.resolutionSla,
		a.resolutionDue,
		a.policy
	];
	return {
		name: 'Kasus',
		caption: [
			t.ministry,
			a.title,
			t.period(wibStamp(q.from), wibStamp(q.to)),
			t.printedAt(wibStamp(now))
		],
		columns: cols.map((label) => ({ label, kind: 'text' as const })),
		rows: rows.map(({ case: r, provinceName, regencyName }) => {
			const sla = evaluator.evaluate(clockInputOf(summaryOf(r)), now);
			return [
				r.number,
				t.channels[r.channel as keyof typeof t.channels] ?? r.channel,
				r.provinceCode,
				provinceName ?? t.unknown,
				r.regencyCode,
				regencyName,
				issue(r.issueType),
				dir.teamRef(r.teamId)?.name ?? null,
				dir.agentRef(r.assigneeId)?.name ?? null,
				t.statuses[r.status as keyof typeof t.statuses] ?? r.status,
				stamp(r.receivedAt),
				stamp(r.createdAt),
				stamp(r.firstResponseAt),
				stamp(r.resolvedAt),
				stamp(r.closedAt),
				t.slaStates[sla.firstResponse.state],
				due(sla.firstResponse),
				t.slaStates[sla.resolution.state],
				due(sla.resolution),
				r.policyId
			];
		})
	};
}

const isChannel = (v: string): v is Channel => (CHANNELS as readonly string[]).includes(v);

/** The audit file for the URL's parameters. */
export async function casesAuditExport(
	c: Pick<Container, 'database' | 'cases' | 'clock' | 'reference'>,
	params: URLSearchParams,
	scope?: TrendScope
): Promise<FileAnswer> {
	const from = trendInstant(params.get('from') ?? '', false);
	const to = trendInstant(params.get('to') ?? '', true);
	if (from === null)
		return problem(400, `from: "${params.get('from') ?? ''}" is not a date YYYY-MM-DD`);
	if (to === null) return problem(400, `to: "${params.get('to') ?? ''}" is not a date YYYY-MM-DD`);
	if (to <= from)
		return problem(400, `to (${params.get('to')}) is before from (${params.get('from')})`);
	const format = params.get('format') ?? 'csv';
	if (format !== 'csv' && format !== 'xlsx')
		return problem(400, 'format: must be one of csv, xlsx');
	const channel = params.get('channel') ?? undefined;
	if (channel !== undefined && !isChannel(channel))
		return problem(400, `channel: must be one of ${CHANNELS.join(', ')}`);
	const filter = {
		province: params.get('province') ?? undefined,
		issueType: params.get('issueType') ?? undefined,
		channel
	};
	const refused = filterProblem(filter, scope, c);
	if (refused) return problem(refused.status, refused.message);
	const table = await auditTable(c, { from, to, ...filter }, scope);
	const name = `sigap-kasus-${params.get('from')}_${params.get('to')}.${format}`;
	const disposition = `attachment; filename="${name}"`;
	if (format === 'csv')
		return {
			status: 200,
			headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition },
			body: `\ufeff${toCsv(table)}`
		};
	return {
		status: 200,
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': disposition
		},
		body: new Uint8Array(await toXlsx([table]))
	};
}
