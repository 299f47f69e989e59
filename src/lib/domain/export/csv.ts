/**
 * CSV of an export table (RFC 4180: comma-separated, CRLF line ends, fields with a comma,
 * quote or line break quoted). Text is neutralised against formula injection; numbers are
 * plain JavaScript numerals with a `.` decimal point, so a CSV reads back exactly.
 */
import { neutralise } from './neutralise';
import type { ExportTable, ExportValue } from './table';

function field(value: ExportValue, kind: 'text' | 'number'): string {
	if (value === null) return '';
	const text =
		typeof value === 'number' && kind === 'number'
			? String(value)
			: neutralise(String(value), 'csv');
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table as CSV text: a header line with the column labels, then one line per row. */
export function toCsv(table: ExportTable): string {
	const lines = [table.columns.map((c) => field(c.label, 'text')).join(',')];
	for (const row of table.rows) {
		lines.push(table.columns.map((c, i) => field(row[i] ?? null, c.kind)).join(','));
	}
	return `${lines.join('\r\n')}\r\n`;
}

/** Parses CSV text written by toCsv (tests read exports back with it). */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	const endCell = () => {
		row.push(cell);
		cell = '';
	};
	for (let i = 0; i < text.length; i++) {
		const ch = text[i]!;
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') endCell();
		else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
			if (ch === '\r') i++;
			endCell();
			rows.push(row);
			row = [];
		} else cell += ch;
	}
	if (cell !== '' || row.length) {
		endCell();
		rows.push(row);
	}
	return rows;
}
