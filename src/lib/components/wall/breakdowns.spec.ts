import { describe, it, expect } from 'vitest';
import type { IssueTypeRow, ProvinceCell, WallView } from '$contracts/metrics';
import type { Reference } from '$contracts/reference';
import { issueLines, provinceTiles } from './breakdowns';

const reference: Reference = {
	provinces: [
		{ code: '11', name: 'Aceh', villages: 6500 },
		{ code: '61', name: 'Kalimantan Barat', villages: 2130 }
	],
	issueTypes: [
		{ code: 'kopdes_lahan', labelId: 'Lahan Kopdes', labelEn: 'Kopdes land' },
		{ code: 'modal', labelId: 'Permodalan', labelEn: 'Capital' }
	]
};

const cell = (code: string, contactsToday: number): ProvinceCell => ({
	code,
	callsWaiting: 1,
	chatsWaiting: 0,
	contactsToday,
	serviceLevel: 90,
	abandonRate: 2,
	backlog: 3,
	atRisk: 0,
	breached: 0,
	health: 'good'
});

const row = (code: string, contactsToday: number): IssueTypeRow => ({
	code,
	contactsToday,
	callsWaiting: 0,
	chatsWaiting: 0,
	backlog: 0,
	breached: 0
});

function view(provinces: ProvinceCell[], issueTypes: IssueTypeRow[] = []): WallView {
	return { provinces, issueTypes, series: [] } as unknown as WallView;
}

describe('provinceTiles', () => {
	it('shows every reference province, idle with zeros when the view has none', () => {
		const tiles = provinceTiles(reference, view([cell('61', 40)]), 'id');
		expect(tiles.map((x) => [x.code, x.name, x.health, x.contactsToday])).toEqual([
			['11', 'Aceh', 'idle', 0],
			['61', 'Kalimantan Barat', 'good', 40]
		]);
	});

	it('adds the unknown province last, only when it has figures', () => {
		const tiles = provinceTiles(reference, view([cell('unknown', 5)]), 'en');
		expect(tiles.at(-1)).toMatchObject({ code: 'unknown', name: 'Unknown province' });
		expect(provinceTiles(reference, view([]), 'en')).toHaveLength(2);
	});
});

describe('issueLines', () => {
	it('sorts busiest first, labels in the language, drops empty rows and counts the rest', () => {
		const rows = [row('modal', 5), row('kopdes_lahan', 9), row('unknown', 2), row('x', 0)];
		const { lines, more } = issueLines(reference, view([], rows), 'en', 2);
		expect(lines.map((l) => l.label)).toEqual(['Kopdes land', 'Capital']);
		expect(more).toBe(1);
		const all = issueLines(reference, view([], rows), 'id', 10);
		expect(all.lines.map((l) => l.label)).toEqual([
			'Lahan Kopdes',
			'Permodalan',
			'Jenis tidak diketahui'
		]);
		expect(all.more).toBe(0);
	});
});

describe('provinceTiles on a province wall', () => {
	it('shows the wall’s own province only (issue 5)', () => {
		const own = { ...view([]), scope: { province: '61', issueType: null } } as WallView;
		expect(provinceTiles(reference, own, 'id').map((t) => t.code)).toEqual(['61']);
	});
});
