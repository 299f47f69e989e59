import { describe, it, expect } from 'vitest';
import {
	NO_FILTERS,
	casesHref,
	drillDownHref,
	listQueryOf,
	parseCasesQuery,
	rowMatches,
	withFilter
} from './cases-query';
import { aRow } from './case-rows.fixtures';

const parse = (query: string) => parseCasesQuery(new URLSearchParams(query));

describe('parseCasesQuery', () => {
	it.each([
		{ query: '', filters: {}, lang: 'id' },
		{
			query: 'province=61&state=breached',
			filters: { province: '61', state: 'breached' },
			lang: 'id'
		},
		{
			query: 'issueType=kopdes_lahan&team=tim-kalbar&assignee=none&channel=call&lang=en',
			filters: { issueType: 'kopdes_lahan', team: 'tim-kalbar', assignee: 'none', channel: 'call' },
			lang: 'en'
		},
		{ query: 'province=&state=', filters: {}, lang: 'id' }
	])('accepts "$query"', ({ query, filters, lang }) => {
		expect(parse(query)).toEqual({ ok: true, filters: { ...NO_FILTERS, ...filters }, lang });
	});

	it.each([
		{ query: 'province=Kalbar', problem: 'province "Kalbar" must be a two-digit BPS code' },
		{ query: 'state=late', problem: 'state "late" must be one of on_track, at_risk' },
		{ query: 'channel=fax', problem: 'channel "fax" must be one of call, chat, ticket' },
		{ query: 'issueType=Lahan Kopdes', problem: 'issueType "Lahan Kopdes"' },
		{ query: 'assignee=a%20b', problem: 'assignee "a b"' },
		{ query: 'lang=fr', problem: 'lang "fr" must be one of: id, en' }
	])('refuses "$query", naming the parameter', ({ query, problem }) => {
		const result = parse(query);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toContain(problem);
	});
});

describe('casesHref', () => {
	it.each([
		{ filters: {}, lang: 'id', href: '/cases' },
		{ filters: { province: '61' }, lang: 'id', href: '/cases?province=61' },
		{
			filters: { state: 'at_risk', team: 't1' },
			lang: 'en',
			href: '/cases?team=t1&state=at_risk&lang=en'
		}
	] as const)('$filters in $lang → $href', ({ filters, lang, href }) => {
		expect(casesHref(filters, lang)).toBe(href);
	});

	it('round-trips through parseCasesQuery', () => {
		const filters = { ...NO_FILTERS, province: '61', assignee: 'none', channel: 'chat' };
		const href = casesHref(filters, 'en');
		expect(parse(href.split('?')[1]!)).toEqual({ ok: true, filters, lang: 'en' });
	});

	it('drills down from a wall scope, keeping it', () => {
		const scope = { province: '61', issueType: null };
		expect(drillDownHref(scope, { state: 'breached' }, 'id')).toBe(
			'/cases?province=61&state=breached'
		);
		expect(drillDownHref(scope, { issueType: 'kopdes_lahan' }, 'en')).toBe(
			'/cases?province=61&issueType=kopdes_lahan&lang=en'
		);
	});

	it('withFilter sets and clears one filter', () => {
		const f = withFilter(NO_FILTERS, 'province', '61');
		expect(f.province).toBe('61');
		expect(withFilter(f, 'province', null)).toEqual(NO_FILTERS);
	});
});

describe('listQueryOf', () => {
	it('sends only the set filters, for open cases by time left', () => {
		expect(listQueryOf({ ...NO_FILTERS, province: '61' }, 50)).toEqual({
			province: '61',
			status: 'open',
			sort: 'timeLeft',
			limit: 50
		});
	});
});

describe('rowMatches', () => {
	it.each([
		{ filters: {}, row: {}, matches: true },
		{ filters: { province: '61' }, row: { provinceCode: '62' }, matches: false },
		{ filters: { assignee: 'none' }, row: { assignee: null }, matches: true },
		{ filters: { assignee: 'none' }, row: { assignee: { id: 'a1', name: 'A' } }, matches: false },
		{ filters: { assignee: 'a1' }, row: { assignee: { id: 'a1', name: 'A' } }, matches: true },
		{ filters: { team: 't1' }, row: { team: { id: 't2', name: 'T' } }, matches: false },
		{ filters: { state: 'breached' }, row: { state: 'at_risk' }, matches: false },
		{ filters: { channel: 'call' }, row: { channel: 'call' }, matches: true },
		{ filters: {}, row: { status: 'resolved' }, matches: false },
		{ filters: {}, row: { status: 'waiting_on_reporter' }, matches: true }
	] as const)('$filters vs $row → $matches', ({ filters, row, matches }) => {
		expect(rowMatches(aRow(row), { ...NO_FILTERS, ...filters })).toBe(matches);
	});
});
