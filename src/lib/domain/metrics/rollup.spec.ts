import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ContactEvent } from '../events';
import { MetricsEngine } from './engine';
import { HOUR, testSettings, wib } from '../../../../tests/builders/contact-events';

const START = wib('2026-03-24 00:00');
const SPAN = 3 * 24 * HOUR;

/** An exit ending at `at`: one offered call attributed to exactly that instant. */
const exit = (id: number, at: number): ContactEvent => ({
	type: 'call.exited',
	callId: `c${id}`,
	queue: 'q1',
	at,
	reason: 'timeout',
	waitSeconds: 30
});

const instant = fc.integer({ min: START, max: START + SPAN });

describe('rollup windows are exact to the millisecond', () => {
	it('any window [from, to) counts exactly the calls that ended in it', () => {
		fc.assert(
			fc.property(fc.array(instant, { maxLength: 60 }), instant, instant, (ends, a, b) => {
				const engine = new MetricsEngine(testSettings());
				ends.forEach((at, i) => engine.apply(exit(i, at)));
				const [from, to] = a <= b ? [a, b] : [b, a];
				const want = ends.filter((t) => t >= from && t < to).length;
				expect(engine.figures({ from, to }, START + SPAN + 1).calls.offered).toBe(want);
			}),
			{ numRuns: 300 }
		);
	});

	it('never counts past now, whatever `to` says', () => {
		const engine = new MetricsEngine(testSettings());
		const now = wib('2026-03-25 10:00:30');
		[now - 1, now, now + 1, now + 20_000].forEach((at, i) => engine.apply(exit(i, at)));
		const day = { from: wib('2026-03-25 00:00'), to: wib('2026-03-26 00:00') };
		expect(engine.figures(day, now).calls.offered).toBe(2);
	});

	it('after prune, windows after the cut are unchanged and late changes before it are ignored', () => {
		fc.assert(
			fc.property(fc.array(instant, { maxLength: 40 }), instant, instant, (ends, cut, a) => {
				const engine = new MetricsEngine(testSettings());
				ends.forEach((at, i) => engine.apply(exit(i, at)));
				engine.prune(cut);
				engine.apply(exit(999, cut - 120_000));
				const from = Math.max(a, cut);
				const want = ends.filter((t) => t >= from).length;
				const to = START + SPAN + 1;
				expect(engine.figures({ from, to }, to).calls.offered).toBe(want);
			}),
			{ numRuns: 200 }
		);
	});

	it('rejects a window that is not a pair of instants', () => {
		const engine = new MetricsEngine(testSettings());
		expect(() => engine.figures({ from: NaN, to: 1 }, 0)).toThrow(/finite epoch/);
	});
});
