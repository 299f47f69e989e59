/**
 * `sigap import cases FILE --map MAPPING` (issue 6 §History import): past cases of another
 * system become Sigap cases through the case services themselves (creation with the received
 * instant, first response, resolution or closing), replayed in instant order on a clock set to
 * each milestone — so the case rows, their history, SLA transitions and contact events (hence
 * the rollups and trends) are as if Sigap had handled them then.
 *
 * Bad input: a problem with the file or the mapping imports nothing; a bad row is skipped and
 * reported with its line and reason (the good rows are imported). A record imported before is
 * skipped as a duplicate, so re-running an import is harmless.
 */
import { parse } from 'csv-parse/sync';
import {
	mapRow,
	replayPlan,
	type CaseMapping,
	type ImportRecord,
	type ReplayStep
} from '../../../domain/history/mapping';
import type { Container } from '../../container';
import { importedRecords, recordImport } from '../../repositories/case-import.repository';
import { changeCaseStatus, listTeams, respondToCase, saveTeam } from '../cases';
// The creation service itself, without reading the new case's full view back (an import
// creates thousands; the view is for people).
import { createCaseRecord } from '../cases/create-case.service';
import { mappingProblem, readMapping } from './mapping-file';

export interface MovableClock {
	now(): number;
	set(t: number): void;
}

export interface RowProblem {
	line: number;
	id: string;
	reason: string;
}

export interface ImportReport {
	source: string;
	rows: number;
	/** Rows that became cases in this run. */
	imported: number;
	/** Rows imported by an earlier run (skipped). */
	duplicates: number;
	rejected: RowProblem[];
	/** Case ids by source record id (this run). */
	cases: Map<string, string>;
}

export type ImportResult = { ok: true; report: ImportReport } | { ok: false; message: string };

function readCsv(text: string): {
	header: string[];
	rows: { line: number; row: Record<string, string> }[];
} {
	const records = parse(text, {
		bom: true,
		columns: (header: string[]) => header.map((h) => h.trim()),
		skip_empty_lines: true,
		info: true
	}) as { record: Record<string, string>; info: { lines: number } }[];
	const first = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
	const header = (parse(first) as string[][])[0]?.map((h) => h.trim()) ?? [];
	return { header, rows: records.map((r) => ({ line: r.info.lines, row: r.record })) };
}

async function runStep(
	c: Container,
	step: ReplayStep,
	caseId: string | undefined,
	actor: string,
	mapping: { defaults: { reporterType: string; reporterContact: string } }
): Promise<string> {
	const r = step.record;
	if (step.kind === 'create') {
		return createCaseRecord(
			c,
			{
				actor,
				reporterType: mapping.defaults.reporterType,
				reporterContact: mapping.defaults.reporterContact,
				issueType: r.issueType,
				channel: r.channel,
				subject: r.subject,
				description: r.description,
				receivedAt: new Date(r.createdAt).toISOString(),
				...(r.teamId ? { teamId: r.teamId } : {}),
				...(r.province ? { provinceCode: r.province } : {})
			},
			'api'
		);
	}
	if (step.kind === 'respond') await respondToCase(c, caseId!, { actor });
	else await changeCaseStatus(c, caseId!, { actor, status: step.status });
	return caseId!;
}

/** Imports `csvText` with the mapping file's `mappingText`; see the file comment. */
export async function importCases(
	c: Container,
	clock: MovableClock,
	csvText: string,
	mappingText: string
): Promise<ImportResult> {
	const read = readMapping(mappingText);
	if (!read.ok) return read;
	const m = read.mapping;
	let csv: ReturnType<typeof readCsv>;
	try {
		csv = readCsv(csvText);
	} catch (error) {
		return { ok: false, message: `CSV: ${(error as Error).message}` };
	}
	const teams = (await listTeams(c)).map((t) => t.id);
	const known = { issueTypes: c.reference.issueTypes.map((t) => t.code), teams };
	const problem = mappingProblem(m, csv.header, known);
	if (problem) return { ok: false, message: problem };
	const actor = `import:${m.source}`;
	for (const t of m.createTeams ?? [])
		if (!teams.includes(t.id)) await saveTeam(c, { actor, ...t });

	const report: ImportReport = {
		source: m.source,
		rows: csv.rows.length,
		imported: 0,
		duplicates: 0,
		rejected: [],
		cases: new Map()
	};
	const records: ImportRecord[] = [];
	const seen = new Set<string>();
	const before = await importedRecords(
		c.database.db,
		m.source,
		csv.rows.map(({ row }) => (row[m.columns.id] ?? '').trim())
	);
	for (const { line, row } of csv.rows) {
		const result = mapRow(row, m, line);
		const id = (row[m.columns.id] ?? '').trim();
		if (!result.ok) report.rejected.push({ line, id, reason: result.reason });
		else if (before.has(id)) report.duplicates++;
		else if (seen.has(id))
			report.rejected.push({
				line,
				id,
				reason: `${m.columns.id}: "${id}" appears twice in the file`
			});
		else {
			seen.add(id);
			records.push(result.record);
		}
	}
	const restore = clock.now();
	try {
		await c.rollups.deferDuring(() => replay(c, clock, records, report, actor, m));
	} finally {
		clock.set(Math.max(restore, clock.now()));
	}
	await c.rollups.flush();
	report.rejected.sort((a, b) => a.line - b.line);
	return { ok: true, report };
}

async function replay(
	c: Container,
	clock: MovableClock,
	records: ImportRecord[],
	report: ImportReport,
	actor: string,
	m: CaseMapping
): Promise<void> {
	const failed = new Set<string>();
	for (const step of replayPlan(records)) {
		const r = step.record;
		if (failed.has(r.sourceId)) continue;
		clock.set(step.at);
		try {
			const caseId = await runStep(c, step, report.cases.get(r.sourceId), actor, m);
			if (step.kind === 'create') {
				report.cases.set(r.sourceId, caseId);
				await recordImport(c.database.db, m.source, r.sourceId, caseId);
				report.imported++;
			}
		} catch (error) {
			failed.add(r.sourceId);
			const done = report.cases.has(r.sourceId)
				? ` (case ${report.cases.get(r.sourceId)} was created; its ${step.kind} failed)`
				: '';
			report.rejected.push({
				line: r.line,
				id: r.sourceId,
				reason: `${(error as Error).message}${done}`
			});
		}
	}
}
