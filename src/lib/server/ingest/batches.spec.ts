import { describe, it, expect } from 'vitest';
import { splitBatches } from './batches';

const items = (n: number, size = 10) =>
	Array.from({ length: n }, (_, i) => ({ i, pad: 'x'.repeat(size) }));

describe('splitBatches', () => {
	it('keeps order and caps the event count', () => {
		const batches = splitBatches(items(2500), (x) => x);
		expect(batches.map((b) => b.length)).toEqual([1000, 1000, 500]);
		expect(batches.flat().map((x) => x.i)).toEqual(items(2500).map((x) => x.i));
	});

	it('caps the JSON body size', () => {
		const limits = { maxEvents: 1000, maxBytes: 10_000 };
		const batches = splitBatches(items(30, 1000), (x) => x, limits);
		for (const batch of batches) {
			expect(Buffer.byteLength(JSON.stringify({ events: batch }))).toBeLessThanOrEqual(
				limits.maxBytes
			);
		}
		expect(batches.flat()).toHaveLength(30);
		expect(batches.length).toBeGreaterThan(3);
	});

	it('gives nothing for nothing and an oversized event its own batch', () => {
		expect(splitBatches([], (x) => x)).toEqual([]);
		const big = splitBatches(items(3, 500), (x) => x, { maxEvents: 10, maxBytes: 300 });
		expect(big.map((b) => b.length)).toEqual([1, 1, 1]);
	});
});
