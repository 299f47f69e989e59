import { describe, it, expect } from 'vitest';
import type { Reference } from '$contracts/reference';
import { parseWallQuery, unknownScopeMessage, wallHref } from './wall-query';

const parse = (query: string) => parseWallQuery(new URLSearchParams(query));

describe('parseWallQuery', () => {
	it.each([
		{ query: '', province: null, issueType: null, lang: 'id' },
		{ query: 'province=61', province: '61', issueType: null, lang: 'id' },
		{
			query: 'province=61&issueType=kopdes_lahan&lang=en',
			province: '61',
			issueType: 'kopdes_lahan',
			lang: 'en'
		},
		{ query: 'province=unknown', province: 'unknown', issueType: null, lang: 'id' },
		{ query: 'province=&issueType=', province: null, issueType: null, lang: 'id' }
	])('accepts "$query"', ({ query, province, issueType, lang }) => {
		expect(parse(query)).toEqual({ ok: true, query: { scope: { province, issueType }, lang } });
	});

	it.each([
		{ query: 'province=6', problem: 'province "6" must be a two-digit BPS code' },
		{ query: 'province=Kalbar', problem: 'province "Kalbar"' },
		{
			query: 'issueType=Kopdes Lahan',
			problem: 'issueType "Kopdes Lahan" must be an issue-type code'
		},
		{ query: 'lang=fr', problem: 'lang "fr" must be one of: id, en' }
	])('rejects "$query" with a message naming the parameter', ({ query, problem }) => {
		const result = parse(query);
		expect(result.ok).toBe(false);
		expect(result.ok ? '' : result.message).toContain(problem);
	});
});

describe('unknownScopeMessage', () => {
	const reference: Reference = {
		provinces: [{ code: '61', name: 'Kalimantan Barat', villages: 2130 }],
		issueTypes: [{ code: 'kopdes_lahan', labelId: 'Lahan', labelEn: 'Land' }]
	};
	it.each([
		{ province: '61', issueType: 'kopdes_lahan', message: null },
		{ province: 'unknown', issueType: 'unknown', message: null },
		{ province: '99', issueType: null, message: 'province "99" is not one of the 1 BPS' },
		{ province: null, issueType: 'nope', message: 'issueType "nope" is not in the issue-type' }
	])('$province / $issueType → $message', ({ province, issueType, message }) => {
		const text = unknownScopeMessage({ province, issueType }, reference);
		if (message === null) expect(text).toBeNull();
		else expect(text).toContain(message);
	});
});

describe('wallHref', () => {
	it.each([
		{ province: null, issueType: null, lang: 'id', href: '/wall' },
		{ province: '61', issueType: null, lang: 'en', href: '/wall?province=61&lang=en' },
		{
			province: '61',
			issueType: 'kopdes_lahan',
			lang: 'id',
			href: '/wall?province=61&issueType=kopdes_lahan'
		}
	] as const)('$href', ({ province, issueType, lang, href }) => {
		expect(wallHref({ province, issueType }, lang)).toBe(href);
		expect(parse(href.split('?')[1] ?? '')).toEqual({
			ok: true,
			query: { scope: { province, issueType }, lang }
		});
	});
});
