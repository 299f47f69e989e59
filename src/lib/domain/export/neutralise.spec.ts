import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv';
import { neutralise } from './neutralise';

// issue 6 §Exports: input → what a CSV cell and an XLSX text cell hold.
const TABLE: [string, string, string][] = [
	['=1+1', "'=1+1", "'=1+1"],
	[
		'=HYPERLINK("http://x.example","klik")',
		'\'=HYPERLINK("http://x.example","klik")',
		'\'=HYPERLINK("http://x.example","klik")'
	],
	['+6281234567890', "'+6281234567890", '+6281234567890'],
	['+62 812-3456-7890', "'+62 812-3456-7890", '+62 812-3456-7890'],
	["+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"],
	['+', "'+", "'+"],
	['-2+3', "'-2+3", "'-2+3"],
	['@SUM(A1:A9)', "'@SUM(A1:A9)", "'@SUM(A1:A9)"],
	['\t=1+1', "'\t=1+1", "'\t=1+1"],
	['\r=1+1', "'\r=1+1", "'\r=1+1"],
	['081234567890', '081234567890', '081234567890'],
	['Kalimantan Barat', 'Kalimantan Barat', 'Kalimantan Barat'],
	['a=b', 'a=b', 'a=b'],
	['', '', '']
];

describe('formula neutralisation', () => {
	it.each(TABLE)('%j → csv %j, xlsx %j', (input, csv, xlsx) => {
		expect(neutralise(input, 'csv')).toBe(csv);
		expect(neutralise(input, 'xlsx')).toBe(xlsx);
	});

	it('a phone number in a CSV reads back with every digit and its plus sign', () => {
		const csv = toCsv({
			name: 't',
			caption: [],
			columns: [
				{ label: 'Kontak', kind: 'text' },
				{ label: 'Jumlah', kind: 'number' }
			],
			rows: [['+6281234567890', -3]]
		});
		const [, row] = parseCsv(csv);
		expect(row).toEqual(["'+6281234567890", '-3']);
		expect(row![0]!.replace(/^'/, '')).toBe('+6281234567890');
	});
});

describe('CSV', () => {
	it('quotes commas, quotes and line breaks and reads back the same cells', () => {
		const rows = [['a,b', 'say "hi"', 'two\r\nlines', null, 12.5]];
		const csv = toCsv({
			name: 't',
			caption: [],
			columns: ['A', 'B', 'C', 'D', 'E'].map((label, i) => ({
				label,
				kind: i === 4 ? ('number' as const) : ('text' as const)
			})),
			rows
		});
		expect(csv.split('\r\n')[0]).toBe('A,B,C,D,E');
		expect(parseCsv(csv)[1]).toEqual(['a,b', 'say "hi"', 'two\r\nlines', '', '12.5']);
	});
});
