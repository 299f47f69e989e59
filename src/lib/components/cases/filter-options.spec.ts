import { describe, it, expect } from 'vitest';
import type { Reference } from '$contracts/reference';
import { NO_FILTERS } from '$lib/live/cases-query';
import { filterOptions, type FilterContext } from './filter-options';

const reference: Reference = {
	provinces: [
		{ code: '11', name: 'Aceh', villages: 1 },
		{ code: '61', name: 'Kalimantan Barat', villages: 1 }
	],
	issueTypes: [{ code: 'kopdes_lahan', labelId: 'Lahan Kopdes', labelEn: 'Kopdes land' }]
};
const noCounts = {
	province: {},
	issueType: {},
	team: {},
	assignee: {},
	state: {},
	channel: {},
	status: {}
};
const ctx = (over: Partial<FilterContext> = {}): FilterContext => ({
	reference,
	agents: [
		{ id: 'a2', name: 'Siti', teamIds: [], provinces: [], issueTypes: [], active: true },
		{ id: 'a1', name: 'Ani', teamIds: [], provinces: [], issueTypes: [], active: true }
	],
	teams: [
		{ id: 't1', name: 'Tim Kalbar', leadAgentId: null, calendarId: 'standard', active: true }
	],
	counts: noCounts,
	filters: NO_FILTERS,
	lang: 'id',
	...over
});

describe('filterOptions', () => {
	it('lists provinces with cases only, with their counts', () => {
		const options = filterOptions(
			'province',
			ctx({ counts: { ...noCounts, province: { '61': 4 } } })
		);
		expect(options).toEqual([{ value: '61', label: '61 Kalimantan Barat', count: 4 }]);
	});

	it('keeps the selected value even with no case left', () => {
		const options = filterOptions('province', ctx({ filters: { ...NO_FILTERS, province: '11' } }));
		expect(options.map((o) => [o.value, o.count])).toEqual([['11', 0]]);
	});

	it('lists every team, state and channel, counted or not', () => {
		expect(filterOptions('team', ctx()).map((o) => o.value)).toEqual(['t1']);
		expect(filterOptions('state', ctx()).map((o) => o.value)).toEqual([
			'breached',
			'at_risk',
			'on_track'
		]);
		expect(filterOptions('channel', ctx({ lang: 'en' })).map((o) => o.label)).toEqual([
			'Call',
			'Chat',
			'Ticket / letter'
		]);
	});

	it('offers unassigned first, then agents by name', () => {
		const counts = { ...noCounts, assignee: { none: 2, a1: 1, a2: 3 } };
		expect(filterOptions('assignee', ctx({ counts })).map((o) => `${o.label}:${o.count}`)).toEqual([
			'Belum ditugaskan:2',
			'Ani:1',
			'Siti:3'
		]);
	});

	it('shows a counted value the reference does not know, by its code', () => {
		const counts = { ...noCounts, issueType: { kopdes_lahan: 1, retired_type: 2 } };
		expect(filterOptions('issueType', ctx({ counts })).map((o) => o.label)).toEqual([
			'Lahan Kopdes',
			'retired_type'
		]);
	});
});
