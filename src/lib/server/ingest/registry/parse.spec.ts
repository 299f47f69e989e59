import { describe, expect, it } from 'vitest';
import { jsonArrayLines } from './json-lines';
import { parseRegistry, villageCodeOf } from './parse';

const CSV = [
	'cooperative_id,name,legal_number,village_code,manager_phones',
	'KDMP-1,Koperasi Desa Merah Putih Sukamaju,AHU-0001.AH.01.29.2025,32.01.01.2001,0812-3456-7890;+62 813 1111 2222',
	'KDMP-2,"Koperasi Kelurahan Merah Putih Cempaka, Jaya",,6101012001,081299990000',
	'KDMP-3,Koperasi Desa Merah Putih Tanpa Telepon,,61.01.01.2002,'
].join('\n');

describe('parseRegistry: CSV', () => {
	it('reads every column, dotted or plain village codes, several phones to E.164', () => {
		const { records, problems } = parseRegistry(CSV);
		expect(problems).toEqual([]);
		expect(records).toEqual([
			{
				id: 'KDMP-1',
				name: 'Koperasi Desa Merah Putih Sukamaju',
				legalNumber: 'AHU-0001.AH.01.29.2025',
				villageCode: '32.01.01.2001',
				phones: ['+6281234567890', '+6281311112222'],
				line: 2
			},
			{
				id: 'KDMP-2',
				name: 'Koperasi Kelurahan Merah Putih Cempaka, Jaya',
				legalNumber: null,
				villageCode: '61.01.01.2001',
				phones: ['+6281299990000'],
				line: 3
			},
			expect.objectContaining({ id: 'KDMP-3', phones: [], line: 4 })
		]);
	});

	it('takes Indonesian column names', () => {
		const csv = 'ID Koperasi;Nama;Kode Desa;No HP\nK-9;Koperasi X;3201012001;0812 1\n'.replace(
			/;/g,
			','
		);
		expect(parseRegistry(csv).records[0]).toMatchObject({
			id: 'K-9',
			villageCode: '32.01.01.2001'
		});
	});

	it.each([
		[
			`${CSV}\nKDMP-1,Lagi,,32.01.01.2001,`,
			5,
			'duplicate cooperative_id "KDMP-1" (first on line 2)'
		],
		[`${CSV}\nKDMP-4,X,,32-01-01,`, 5, 'village_code "32-01-01" is not a village code'],
		[`${CSV}\nKDMP-4,X,,32.01.01.2001,call me`, 5, 'manager phone "call me" is not a phone number'],
		[`${CSV}\n,X,,32.01.01.2001,`, 5, 'cooperative_id is empty'],
		[`${CSV}\nKDMP-4,X,32.01.01.2001`, 5, 'not valid CSV'],
		['nama,telepon\nX,0812\n', 1, 'the header has no cooperativeid, villagecode column']
	])('%#: reports line %i: %s', (text, line, message) => {
		const { problems } = parseRegistry(text);
		expect(problems).toContainEqual({ line, message: expect.stringContaining(message) });
	});
});

describe('parseRegistry: JSON', () => {
	const JSON_TEXT = `[
  {"cooperativeId": "KDMP-1", "name": "Sukamaju", "villageCode": "32.01.01.2001",
   "managerPhones": ["0812-3456-7890"]},
  {"cooperative_id": "KDMP-1", "name": "Dua [kali]", "village_code": "3201012001"}
]`;

	it('reads arrays or {"cooperatives": [...]}, naming the line each object starts on', () => {
		const { records, problems } = parseRegistry(JSON_TEXT);
		expect(records.map((r) => [r.id, r.line, r.phones])).toEqual([
			['KDMP-1', 2, ['+6281234567890']],
			['KDMP-1', 4, []]
		]);
		expect(problems).toEqual([
			{ line: 4, message: 'duplicate cooperative_id "KDMP-1" (first on line 2)' }
		]);
		expect(parseRegistry(`{"cooperatives": ${JSON_TEXT}}`).records).toHaveLength(2);
	});

	it.each([
		['[{"id": 1', 'not valid JSON'],
		['{"koperasi": []}', 'expected a JSON array'],
		['[\n"KDMP-1"\n]', 'item 1 is not an object']
	])('%s → %s', (text, message) => {
		expect(parseRegistry(text).problems[0]!.message).toContain(message);
	});
});

describe('helpers', () => {
	it.each([
		['32.01.01.2001', '32.01.01.2001'],
		[' 3201012001 ', '32.01.01.2001'],
		['320101200', null],
		['32.01.01', null]
	])('villageCodeOf(%j) = %j', (raw, code) => expect(villageCodeOf(raw)).toBe(code));

	it('finds the start line of each array element, ignoring brackets in strings', () => {
		expect(jsonArrayLines('[\n {"a": "]"},\n\n 2, "x,y"\n]')).toEqual([2, 4, 4]);
	});
});
