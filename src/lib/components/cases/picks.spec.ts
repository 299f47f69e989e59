import { describe, it, expect } from 'vitest';
import {
	changedSincePicked,
	outcomesOf,
	parsePicks,
	pickAll,
	pickValue,
	pickedVersion
} from './picks';

describe('picks', () => {
	it('round-trips a row through the checkbox value', () => {
		const value = pickValue({ id: 'c-1', version: 7, number: 'K-2026-000001' });
		expect(parsePicks([value])).toEqual({
			picks: [{ caseId: 'c-1', expectedVersion: 7, number: 'K-2026-000001' }]
		});
	});

	describe('a ticked row keeps the version it was ticked at', () => {
		const ticked = new Map([['c-1', 3]]);
		// A live update since: the case was reassigned elsewhere (version 4).
		const updated = { id: 'c-1', version: 4, number: 'K-1' };

		it('is reassigned at that version, not at the one a live update brought', () => {
			expect(pickedVersion(updated, ticked)).toBe(3);
			expect(pickValue({ ...updated, version: pickedVersion(updated, ticked) })).toBe('c-1|3|K-1');
			expect(changedSincePicked(updated, ticked)).toBe(true);
		});

		it('is unchanged while the row is not updated; an unticked row has its own version', () => {
			expect(changedSincePicked({ id: 'c-1', version: 3 }, ticked)).toBe(false);
			expect(pickedVersion({ id: 'c-2', version: 9 }, ticked)).toBe(9);
			expect(changedSincePicked({ id: 'c-2', version: 9 }, ticked)).toBe(false);
		});

		it('ticking all keeps the versions already ticked and drops rows no longer shown', () => {
			const rows = [updated, { id: 'c-2', version: 9 }];
			const all = pickAll(rows, new Map([...ticked, ['gone', 1]]));
			expect([...all]).toEqual([
				['c-1', 3],
				['c-2', 9]
			]);
		});
	});

	it.each(['c-1', 'c-1|x|K-1', 'c-1|-1|K-1', '|3|K-1', 'c-1|3|'])('refuses "%s"', (value) => {
		expect(parsePicks([value])).toEqual({ problem: `case "${value}" must be id|version|number` });
	});

	it('names bulk results by case number', () => {
		const picks = [{ caseId: 'a', expectedVersion: 1, number: 'K-1' }];
		const current = { version: 2, assignee: null, team: null, by: 'x', at: '' };
		expect(
			outcomesOf(picks, [
				{ caseId: 'a', result: 'ok', version: 2 },
				{ caseId: 'b', result: 'conflict', message: 'already…', current }
			])
		).toEqual([
			{ caseId: 'a', number: 'K-1', result: 'ok', version: 2 },
			{ caseId: 'b', number: 'b', result: 'conflict', message: 'already…' }
		]);
	});
});
