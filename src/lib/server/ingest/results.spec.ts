import { describe, it, expect } from 'vitest';
import { countResults, problemsText } from './results';

describe('ingest results on the sending side', () => {
	it('joins problems, naming the field when there is one', () => {
		expect(
			problemsText([
				{ path: 'queue', message: 'unknown queue "IT"' },
				{ path: '', message: 'bad' }
			])
		).toBe('queue unknown queue "IT"; bad');
	});

	it('counts statuses and reports each rejection by index', () => {
		const counts = { accepted: 1, duplicate: 0, rejected: 0 };
		const rejected: [number, string][] = [];
		countResults(
			{
				accepted: 1,
				duplicates: 1,
				rejected: 1,
				results: [
					{ index: 0, id: 'a', status: 'accepted' },
					{ index: 1, id: 'b', status: 'duplicate' },
					{
						index: 2,
						id: 'c',
						status: 'rejected',
						problems: [{ path: 'at', message: 'is in the future' }]
					}
				]
			},
			counts,
			(i, why) => rejected.push([i, why])
		);
		expect(counts).toEqual({ accepted: 2, duplicate: 1, rejected: 1 });
		expect(rejected).toEqual([[2, 'at is in the future']]);
	});
});
