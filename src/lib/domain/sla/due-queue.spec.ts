import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DueQueue } from './due-queue';

describe('DueQueue', () => {
	it('gives the earliest instant and pops what is due, earliest first', () => {
		const q = new DueQueue();
		q.set('a', 30);
		q.set('b', 10);
		q.set('c', 20);
		expect(q.peek()).toBe(10);
		expect(q.popDue(20)).toEqual(['b', 'c']);
		expect(q.peek()).toBe(30);
		expect(q.size).toBe(1);
	});

	it('moving or clearing a case replaces its instant', () => {
		const q = new DueQueue();
		q.set('a', 10);
		q.set('a', 50);
		q.set('b', 20);
		q.set('b', null);
		expect(q.peek()).toBe(50);
		expect(q.popDue(100)).toEqual(['a']);
		expect(q.peek()).toBeNull();
	});

	it('behaves like a sorted map under any sequence of moves (property)', () => {
		const op = fc.tuple(
			fc.constantFrom('a', 'b', 'c', 'd', 'e'),
			fc.option(fc.integer({ min: 0, max: 50 }))
		);
		fc.assert(
			fc.property(fc.array(op, { maxLength: 300 }), fc.integer({ min: 0, max: 50 }), (ops, now) => {
				const q = new DueQueue();
				const model = new Map<string, number>();
				for (const [id, at] of ops) {
					q.set(id, at);
					if (at === null) model.delete(id);
					else model.set(id, at);
				}
				const min = model.size ? Math.min(...model.values()) : null;
				expect(q.peek()).toBe(min);
				const due = [...model].filter(([, at]) => at <= now);
				expect(q.popDue(now).sort()).toEqual(due.map(([id]) => id).sort());
			})
		);
	});
});
