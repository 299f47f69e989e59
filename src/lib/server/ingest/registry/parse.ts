/**
 * A Simkopdes cooperative registry export, CSV or JSON, read into records — issue 4 §4.
 * Pure: text in, records and problems (with line numbers) out; whether each village code
 * exists in the official area table is the import service's check.
 *
 * Columns (CSV header, or JSON keys; case, `-`/`_` and camelCase do not matter; Indonesian names
 * accepted): `cooperative_id` (id, koperasi_id), `name` (nama), `legal_number` (nomor_badan_hukum,
 * badan_hukum), `village_code` (kode_desa, kode_wilayah), `manager_phones` (phones, telepon, no_hp)
 * — several numbers separated by `;`, `/` or `|` (a JSON array also works).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { toE164 } from '../../../domain/phone';
import { jsonArrayLines } from './json-lines';

export interface CooperativeRecord {
	id: string;
	name: string;
	legalNumber: string | null;
	/** Dotted official code, `32.01.01.2001`. */
	villageCode: string;
	/** E.164. */
	phones: string[];
	/** Where it stands in the file (CSV line, or the line its JSON object starts on). */
	line: number;
}

export interface RegistryProblem {
	line: number | null;
	message: string;
}

export interface RegistryRead {
	records: CooperativeRecord[];
	problems: RegistryProblem[];
}

type Column = 'id' | 'name' | 'legalNumber' | 'villageCode' | 'phones';
const ALIASES: Record<Column, string[]> = {
	id: ['cooperativeid', 'id', 'koperasiid', 'idkoperasi'],
	name: ['name', 'nama', 'namakoperasi'],
	legalNumber: ['legalnumber', 'nomorbadanhukum', 'badanhukum', 'nobadanhukum'],
	villageCode: ['villagecode', 'kodedesa', 'kodewilayah', 'kodekelurahan'],
	phones: ['managerphones', 'phones', 'telepon', 'nohp', 'managerphone', 'phone']
};
const squash = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');
const columnOf = (key: string) =>
	(Object.keys(ALIASES) as Column[]).find((c) => ALIASES[c].includes(squash(key)));

/** `3201012001` or `32.01.01.2001` → `32.01.01.2001`; null when it is neither. */
export function villageCodeOf(raw: string): string | null {
	const text = raw.trim();
	if (/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(text)) return text;
	const m = /^(\d{2})(\d{2})(\d{2})(\d{4})$/.exec(text);
	return m ? `${m[1]}.${m[2]}.${m[3]}.${m[4]}` : null;
}

function record(fields: Record<string, unknown>, line: number, problems: RegistryProblem[]) {
	const values: Partial<Record<Column, unknown>> = {};
	for (const [key, value] of Object.entries(fields)) {
		const column = columnOf(key);
		if (column) values[column] = value;
	}
	const text = (c: Column) =>
		typeof values[c] === 'string' || typeof values[c] === 'number' ? String(values[c]).trim() : '';
	const problem = (message: string) => problems.push({ line, message });
	const id = text('id');
	const name = text('name');
	if (!id) problem('cooperative_id is empty');
	if (!name) problem('name is empty');
	const villageCode = villageCodeOf(text('villageCode'));
	if (!villageCode)
		problem(
			`village_code "${text('villageCode')}" is not a village code like 32.01.01.2001 or 3201012001`
		);
	const rawPhones = Array.isArray(values.phones)
		? values.phones.map(String)
		: text('phones').split(/[;/|]/);
	const phones: string[] = [];
	for (const raw of rawPhones.map((p) => p.trim()).filter(Boolean)) {
		const phone = toE164(raw);
		if (phone) phones.push(phone);
		else problem(`manager phone "${raw}" is not a phone number`);
	}
	if (!id || !name || !villageCode) return null;
	return {
		id,
		name,
		legalNumber: text('legalNumber') || null,
		villageCode,
		phones: [...new Set(phones)],
		line
	};
}

function fromCsv(text: string, problems: RegistryProblem[]): CooperativeRecord[] {
	let rows: { record: Record<string, string>; info: { lines: number } }[];
	try {
		rows = parseCsv(text, {
			columns: true,
			bom: true,
			skip_empty_lines: true,
			trim: true,
			info: true,
			relax_column_count: false
		});
	} catch (error) {
		const e = error as Error & { lines?: number };
		problems.push({ line: e.lines ?? null, message: `not valid CSV: ${e.message}` });
		return [];
	}
	const header = Object.keys(rows[0]?.record ?? {});
	const missing = (['id', 'name', 'villageCode'] as Column[]).filter(
		(c) => rows.length && !header.some((h) => columnOf(h) === c)
	);
	if (missing.length) {
		problems.push({
			line: 1,
			message: `the header has no ${missing.map((c) => ALIASES[c][0]).join(', ')} column (it has: ${header.join(', ')})`
		});
		return [];
	}
	return rows.flatMap((r) => record(r.record, r.info.lines, problems) ?? []);
}

function fromJson(text: string, problems: RegistryProblem[]): CooperativeRecord[] {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		problems.push({ line: null, message: `not valid JSON: ${(error as Error).message}` });
		return [];
	}
	const list = Array.isArray(data) ? data : (data as { cooperatives?: unknown })?.cooperatives;
	if (!Array.isArray(list)) {
		problems.push({
			line: 1,
			message: 'expected a JSON array of cooperatives (or {"cooperatives": [...]})'
		});
		return [];
	}
	const lines = jsonArrayLines(text);
	return list.flatMap((item, i) => {
		const line = lines[i] ?? null;
		if (!item || typeof item !== 'object' || Array.isArray(item)) {
			problems.push({ line, message: `item ${i + 1} is not an object` });
			return [];
		}
		return record(item as Record<string, unknown>, line ?? i + 1, problems) ?? [];
	});
}

/** Reads an export; the format is JSON when the text starts with `[` or `{`, else CSV. */
export function parseRegistry(text: string): RegistryRead {
	const problems: RegistryProblem[] = [];
	const body = text.replace(/^\uFEFF/, '');
	const records = /^\s*[[{]/.test(body) ? fromJson(body, problems) : fromCsv(body, problems);
	const firstLine = new Map<string, number>();
	for (const r of records) {
		const first = firstLine.get(r.id);
		if (first === undefined) firstLine.set(r.id, r.line);
		else
			problems.push({
				line: r.line,
				message: `duplicate cooperative_id "${r.id}" (first on line ${first})`
			});
	}
	problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
	return { records, problems };
}
