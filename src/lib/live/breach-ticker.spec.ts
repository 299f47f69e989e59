import { describe, it, expect } from 'vitest';
import type { WallBreach } from '$contracts/cases';
import { addBreach, inScope, lateSeconds } from './breach-ticker';

const T0 = Date.parse('2026-03-09T09:00:00+07:00');
const breach = (over: Partial<WallBreach> = {}): WallBreach => ({
	caseId: 'c1',
	number: 'K-2026-000001',
	province: '61',
	issueType: 'kopdes_lahan',
	target: 'firstResponse',
	at: new Date(T0).toISOString(),
	lateBySeconds: 0,
	...over
});
const national = { province: null, issueType: null };

describe('inScope', () => {
	it.each([
		{ scope: national, fits: true },
		{ scope: { province: '61', issueType: null }, fits: true },
		{ scope: { province: '62', issueType: null }, fits: false },
		{ scope: { province: null, issueType: 'kopdes_lahan' }, fits: true },
		{ scope: { province: '61', issueType: 'modal_usaha' }, fits: false }
	])('$scope → $fits', ({ scope, fits }) => {
		expect(inScope(breach(), scope)).toBe(fits);
	});
});

describe('addBreach', () => {
	it('keeps the newest first and cuts to the limit', () => {
		let list: WallBreach[] = [];
		for (let i = 0; i < 4; i++) {
			const at = new Date(T0 + i * 1000).toISOString();
			list = addBreach(list, breach({ caseId: `c${i}`, at }), national, 3).list;
		}
		expect(list.map((b) => b.caseId)).toEqual(['c3', 'c2', 'c1']);
	});

	it('holds one entry per case and target (a replay is not a new breach)', () => {
		const first = addBreach([], breach(), national, 5);
		expect(first.added).toBe(true);
		const again = addBreach(first.list, breach(), national, 5);
		expect(again).toEqual({ list: first.list, added: false });
		const other = addBreach(first.list, breach({ target: 'resolution' }), national, 5);
		expect(other.list).toHaveLength(2);
	});

	it('ignores a breach outside the wall scope', () => {
		expect(
			addBreach([], breach({ province: '62' }), { province: '61', issueType: null }, 5)
		).toEqual({
			list: [],
			added: false
		});
	});

	it('says an old breach that does not make the cut was not added (no chime)', () => {
		const list = [breach({ caseId: 'new', at: new Date(T0 + 5000).toISOString() })];
		expect(addBreach(list, breach({ caseId: 'old' }), national, 1).added).toBe(false);
	});
});

describe('lateSeconds', () => {
	it('counts from the breach instant (the due instant)', () => {
		expect(lateSeconds(breach(), T0 + 90_500)).toBe(90);
		expect(lateSeconds(breach(), T0 - 5_000)).toBe(0);
	});

	it('never shows less than the server said (a browser clock running behind)', () => {
		expect(lateSeconds(breach({ lateBySeconds: 600 }), T0 + 60_000)).toBe(600);
		// Sent 600 s after the breach; 10 minutes later it is 1200 s late, not 1800.
		expect(lateSeconds(breach({ lateBySeconds: 600 }), T0 + 1_200_000)).toBe(1200);
	});
});
