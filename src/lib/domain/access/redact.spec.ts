import { describe, expect, it } from 'vitest';
import type { WallView } from '../metrics/wall-view';
import { maskCaseNumber, wallViewInScope } from './redact';

const view = (province: string | null, issueType: string | null): WallView =>
	({
		scope: { province, issueType },
		today: {},
		provinces: ['11', '61', '62', 'unknown'].map((code) => ({ code })),
		issueTypes: ['a', 'b', 'unknown'].map((code) => ({ code })),
		series: [],
		thresholds: {}
	}) as unknown as WallView;

describe('wallViewInScope', () => {
	it('keeps every row of a national view', () => {
		const v = view(null, null);
		expect(wallViewInScope(v)).toBe(v);
	});
	it('keeps only the own province on a province wall', () => {
		const v = wallViewInScope(view('61', null));
		expect(v.provinces.map((p) => p.code)).toEqual(['61']);
		expect(v.issueTypes.map((i) => i.code)).toEqual(['a', 'b', 'unknown']);
	});
	it('keeps only the own issue type on an issue-type wall', () => {
		const v = wallViewInScope(view(null, 'b'));
		expect(v.provinces).toHaveLength(4);
		expect(v.issueTypes.map((i) => i.code)).toEqual(['b']);
		expect(wallViewInScope(view('62', 'a')).provinces.map((p) => p.code)).toEqual(['62']);
	});
});

describe('maskCaseNumber', () => {
	it.each([
		['K-2026-000123', 'K-2026-•••123'],
		['K-2026-1234567', 'K-2026-••••567'],
		['K-2026-12', 'K-2026-••'],
		['ABC', '•••']
	])('%s → %s', (number, masked) => {
		expect(maskCaseNumber(number)).toBe(masked);
	});
});
