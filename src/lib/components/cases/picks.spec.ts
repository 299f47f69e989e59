import { describe, it, expect } from 'vitest';
import { outcomesOf, parsePicks, pickValue } from './picks';

describe('picks', () => {
	it('round-trips a row through the checkbox value', () => {
		const value = pickValue({ id: 'c-1', version: 7, number: 'K-2026-000001' });
		expect(parsePicks([value])).toEqual({
			picks: [{ caseId: 'c-1', expectedVersion: 7, number: 'K-2026-000001' }]
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
