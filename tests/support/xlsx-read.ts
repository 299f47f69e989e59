/**
 * A small XLSX reader for tests (issue 6 exports): unzips the workbook with fflate and reads
 * each sheet's cells as a spreadsheet would see them — the text or number, whether the cell is
 * a formula, and the number format of its style (`@` is Excel's text format). Only what the
 * exports write: shared or inline strings, numbers, cell styles with custom number formats.
 */
import { strFromU8, unzipSync } from 'fflate';

export interface XlsxCell {
	/** `A1`-style reference. */
	ref: string;
	/** `s` shared string, `inlineStr`, `str` (formula result), `n` number, `b`, `e`. */
	type: string;
	/** The text a spreadsheet shows for a string cell, the number for a number cell. */
	value: string | number | null;
	/** The cell's `<f>` formula, if any (exports must never have one). */
	formula: string | null;
	/** The number format code of the cell's style (`@` = text), or null for General. */
	format: string | null;
}

export interface XlsxSheet {
	name: string;
	/** Rows and cells by position (`A1` is rows[0][0]); a cell not written is null. */
	rows: (XlsxCell | null)[][];
}

const decode = (s: string) =>
	s
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
		.replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
		.replace(/&amp;/g, '&');

/** The text of an `<si>` or `<is>`: every `<t>` run joined. */
const runs = (xml: string) =>
	[...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)]
		.map((m) => decode(m[1] ?? ''))
		.join('');

const attr = (tag: string, name: string) =>
	new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

/** `C7` → 2 (zero-based column). */
function columnOf(ref: string): number {
	let n = 0;
	for (const ch of /^[A-Z]+/.exec(ref)?.[0] ?? 'A') n = n * 26 + ch.charCodeAt(0) - 64;
	return n - 1;
}

const BUILTIN_FORMATS: Record<number, string> = { 0: 'General', 1: '0', 2: '0.00', 49: '@' };

function formatsOf(styles: string | undefined): (string | null)[] {
	if (!styles) return [];
	const custom = new Map(
		[...styles.matchAll(/<numFmt\s[^>]*>/g)].map((m) => [
			Number(attr(m[0], 'numFmtId')),
			decode(attr(m[0], 'formatCode') ?? '')
		])
	);
	const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
	return [...xfs.matchAll(/<xf(\s[^>]*)?\/?>/g)].map((m) => {
		const id = Number(attr(m[0], 'numFmtId') ?? 0);
		const code = custom.get(id) ?? BUILTIN_FORMATS[id] ?? null;
		return code === 'General' ? null : code;
	});
}

/** Every sheet of the workbook, in workbook order. */
export function readXlsx(bytes: Uint8Array): XlsxSheet[] {
	const files = unzipSync(bytes);
	const text = (name: string) => (files[name] ? strFromU8(files[name]) : undefined);
	const shared = [...(text('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
		(m) => runs(m[1]!)
	);
	const formats = formatsOf(text('xl/styles.xml'));
	const rels = new Map(
		[...(text('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\s[^>]*>/g)].map((m) => [
			attr(m[0], 'Id'),
			attr(m[0], 'Target')?.replace(/^\/?(xl\/)?/, 'xl/')
		])
	);
	const sheets = [...(text('xl/workbook.xml') ?? '').matchAll(/<sheet\s[^>]*>/g)];
	return sheets.map((m) => {
		const name = decode(attr(m[0], 'name') ?? '');
		const file = rels.get(attr(m[0], 'r:id'));
		const xml = (file && text(file)) ?? '';
		const rows: (XlsxCell | null)[][] = [];
		for (const row of xml.matchAll(/<row\s([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
			const r = Number(attr(` ${row[1]}`, 'r'));
			const cells: (XlsxCell | null)[] = [];
			for (const c of (row[2] ?? '').matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
				const head = ` ${c[1]}`;
				const body = c[2] ?? '';
				const type = attr(head, 't') ?? 'n';
				const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
				const value =
					type === 's'
						? (shared[Number(v)] ?? null)
						: type === 'inlineStr'
							? runs(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '')
							: v === undefined
								? null
								: type === 'n'
									? Number(v)
									: decode(v);
				const f = /<f(?:\s[^>]*)?>([\s\S]*?)<\/f>|<f(?:\s[^>]*)?\/>/.exec(body);
				const ref = attr(head, 'r') ?? '';
				cells[columnOf(ref)] = {
					ref,
					type,
					value,
					formula: f ? decode(f[1] ?? '') : null,
					format: formats[Number(attr(head, 's') ?? 0)] ?? null
				};
			}
			rows[r - 1] = Array.from(cells, (c) => c ?? null);
		}
		return { name, rows: Array.from(rows, (r) => r ?? []) };
	});
}

/** The values of a row, null where no cell was written. */
export const valuesOf = (row: readonly (XlsxCell | null)[]) => row.map((c) => c?.value ?? null);
