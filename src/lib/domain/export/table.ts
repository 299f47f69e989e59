/**
 * An export table (issue 6 §Exports): what every view hands to the CSV and XLSX writers, with
 * Indonesian column labels and WIB timestamps already in place. Numbers stay numbers (they are
 * never formulas); only text goes through neutralise.ts.
 */
export type ExportValue = string | number | null;

export interface ExportColumn {
	label: string;
	/** `text` cells are neutralised; `number` cells are written as numbers. */
	kind: 'text' | 'number';
}

export interface ExportTable {
	/** Sheet name (XLSX, at most 31 characters) and file-name part. */
	name: string;
	/** Lines above the table in XLSX (ministry, view, period, time zone). */
	caption: string[];
	columns: ExportColumn[];
	rows: ExportValue[][];
}
