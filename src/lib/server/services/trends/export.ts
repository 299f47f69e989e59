/**
 * `GET /trends/export?view=…&format=csv|xlsx&…` (issue 6 §Exports): one view as CSV or XLSX,
 * or `view=all` as a workbook with a sheet per view. The range and filters are the page's own
 * URL parameters, so a file holds what the page shows.
 */
import { TREND_VIEWS, type TrendView } from '../../../contracts/trends';
import { toCsv } from '../../../domain/export/csv';
import type { ExportTable } from '../../../domain/export/table';
import { toXlsx } from '../../export/xlsx';
import type { TrendScope } from '../../repositories/trend.repository';
import { filterProblem } from './scope';
import { trendsPage, type PageDeps } from './page';
import { trendTable, viewTable } from './tables';
import { parseTrendQuery } from './trend-query';
import { computeTrend } from './trends.service';

export interface FileAnswer {
	status: number;
	headers: Record<string, string>;
	body: string | Uint8Array;
}

const FORMATS = ['csv', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

const problem = (message: string, status: 400 | 403 = 400): FileAnswer => ({
	status,
	headers: { 'content-type': 'application/json' },
	body: JSON.stringify({
		error: { code: status === 403 ? 'forbidden' : 'invalid_query', message }
	})
});

async function tablesOf(
	c: PageDeps,
	view: TrendView | 'all',
	params: URLSearchParams,
	scope: TrendScope | undefined
): Promise<
	{ ok: true; tables: ExportTable[]; range: string } | { ok: false; message: string; status?: 403 }
> {
	if (view === 'trend') {
		const parsed = parseTrendQuery(params, c.clock.now(), c.config.trendsMaxRangeDays, false);
		if (!parsed.ok) return parsed;
		const problem = filterProblem(parsed.query.filter, scope, c);
		if (problem?.status === 400) return { ok: false, message: problem.message };
		if (problem) return { ok: false, message: problem.message, status: 403 };
		const q = { ...parsed.query, scope };
		const table = trendTable(c.reference, q, await computeTrend(c, q), c.clock.now());
		return { ok: true, tables: [table], range: `${params.get('from')}_${params.get('to')}` };
	}
	const page = await trendsPage(c, params, 'id', scope);
	if (!page.ok) return page;
	const views = view === 'all' ? TREND_VIEWS.filter((v) => v !== 'trend') : [view];
	return {
		ok: true,
		tables: views.map((v) => viewTable(page.data, v)),
		range: `${page.data.from}_${page.data.to}`
	};
}

/** The file of one view (or all views) in one format, or a 400 naming the parameter. */
export async function trendsExport(
	c: PageDeps,
	params: URLSearchParams,
	scope?: TrendScope
): Promise<FileAnswer> {
	const view = params.get('view') ?? '';
	const format = params.get('format') ?? 'csv';
	if (view !== 'all' && !(TREND_VIEWS as readonly string[]).includes(view))
		return problem(`view: must be one of ${[...TREND_VIEWS, 'all'].join(', ')}`);
	if (!(FORMATS as readonly string[]).includes(format))
		return problem(`format: must be one of ${FORMATS.join(', ')}`);
	if (view === 'all' && format === 'csv') return problem('view=all needs format=xlsx');
	const rest = new URLSearchParams(params);
	rest.delete('view');
	rest.delete('format');
	rest.delete('lang');
	const built = await tablesOf(c, view as TrendView | 'all', rest, scope);
	if (!built.ok) return problem(built.message, built.status);
	const name = `sigap-${view}-${built.range}.${format}`;
	const disposition = `attachment; filename="${name}"`;
	if ((format as Format) === 'csv') {
		return {
			status: 200,
			headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition },
			// The byte-order mark makes Excel read the file as UTF-8 (province names, dashes).
			body: `\ufeff${toCsv(built.tables[0]!)}`
		};
	}
	return {
		status: 200,
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': disposition
		},
		body: new Uint8Array(await toXlsx(built.tables))
	};
}
