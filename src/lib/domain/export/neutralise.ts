/**
 * Spreadsheet formula injection (issue 6 §Exports, OWASP "CSV injection"): a text cell that
 * starts with `=`, `+`, `-`, `@`, tab or carriage return is run as a formula by Excel,
 * LibreOffice or Google Sheets. Such a cell gets a leading apostrophe, which makes it text.
 *
 * A CSV has no cell types, so the apostrophe is the only defence there and `+6281234567890`
 * arrives as `'+6281234567890`: still every digit and the plus sign, where unneutralised it
 * would arrive as the number 6.28123E+12. An XLSX cell is typed text with the text format
 * `@` (never evaluated, also when edited), so a phone number stays exactly as dialled there;
 * anything else that looks like a formula is prefixed in XLSX too.
 */

const DANGEROUS_FIRST = new Set(['=', '+', '-', '@', '\t', '\r']);
/** An international or local phone number: digits after the plus, spaces, dots, dashes. */
const PHONE = /^\+\d[\d .-]{5,24}$/;

export type ExportTarget = 'csv' | 'xlsx';

/** The text to write into a cell of `target` so that no spreadsheet runs it as a formula. */
export function neutralise(text: string, target: ExportTarget): string {
	if (text.length === 0 || !DANGEROUS_FIRST.has(text[0]!)) return text;
	if (target === 'xlsx' && PHONE.test(text)) return text;
	return `'${text}`;
}
