/**
 * XLSX of export tables (issue 6 §Exports), one sheet per table, through write-excel-file:
 * caption lines, a bold header row, then the rows. Text cells are typed text with the text
 * number format `@`, so no spreadsheet evaluates them (and neutralise.ts prefixes anything
 * formula-like on top); numbers are numbers.
 */
import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/node';
import { neutralise } from '../../domain/export/neutralise';
import type { ExportColumn, ExportTable, ExportValue } from '../../domain/export/table';

function cell(value: ExportValue, kind: ExportColumn['kind']): Cell {
	if (value === null) return null;
	if (typeof value === 'number' && kind === 'number') return { type: Number, value };
	return { type: String, value: neutralise(String(value), 'xlsx'), format: '@' };
}

function text(value: string, bold = false): Cell {
	return {
		type: String,
		value: neutralise(value, 'xlsx'),
		format: '@',
		...(bold ? { fontWeight: 'bold' as const } : {})
	};
}

/** Excel's sheet-name rules: at most 31 characters, none of `[]:*?/\`, unique. */
function sheetNames(tables: readonly ExportTable[]): string[] {
	const used = new Set<string>();
	return tables.map((t, i) => {
		let name = t.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || `Sheet${i + 1}`;
		if (used.has(name)) name = `${name.slice(0, 27)} (${i + 1})`;
		used.add(name);
		return name;
	});
}

/** The workbook as a Buffer. */
export async function toXlsx(tables: readonly ExportTable[]): Promise<Buffer> {
	const names = sheetNames(tables);
	const sheets = tables.map((t, i) => {
		const data: Row[] = [
			...t.caption.map((line) => [text(line, true)]),
			...(t.caption.length ? [[null]] : []),
			t.columns.map((c) => text(c.label, true)),
			...t.rows.map((row) => t.columns.map((c, j) => cell(row[j] ?? null, c.kind)))
		];
		return {
			data,
			sheet: names[i]!,
			columns: t.columns.map((c) => ({ width: Math.max(10, Math.min(40, c.label.length + 4)) }))
		};
	});
	return writeXlsxFile(sheets).toBuffer();
}
