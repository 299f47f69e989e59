import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { standardCalendar } from '../calendar/business-calendar';
import { INDONESIA_HOLIDAYS } from '../calendar/holidays-id';
import { clipStops, elapsedMs } from './clock';
import { evaluateTarget, type TargetClock } from './evaluate';

const cal = standardCalendar(INDONESIA_HOLIDAYS);
const START = Date.parse('2026-03-02T00:00:00+07:00');
const HOUR = 3_600_000;

/** A clock opened within two weeks, with up to three pauses, and an instant to look at. */
const scenario = fc
	.record({
		open: fc.integer({ min: 0, max: 14 * 24 * 60 }),
		target: fc.integer({ min: 1, max: 3 * 540 }),
		percent: fc.integer({ min: 1, max: 100 }),
		pauses: fc.array(
			fc.record({
				from: fc.integer({ min: 0, max: 20 * 24 }),
				hours: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null })
			}),
			{ maxLength: 3 }
		),
		now: fc.integer({ min: 0, max: 30 * 24 * 60 })
	})
	.map((r) => {
		const startedAt = START + r.open * 60_000;
		const clock: TargetClock = {
			startedAt,
			targetMinutes: r.target,
			atRiskPercent: r.percent,
			metAt: null,
			stops: r.pauses.map((p) => ({
				from: startedAt + p.from * HOUR,
				to: p.hours === null ? null : startedAt + (p.from + p.hours) * HOUR
			}))
		};
		return { clock, now: startedAt + r.now * 60_000 };
	});

/** Elapsed business ms at `at`, with only the pauses known at `at`. */
function elapsedAt(clock: TargetClock, at: number): number {
	return elapsedMs(cal, clock.startedAt, clipStops(clock.stops, clock.startedAt, at), at);
}

describe('SLA state properties', () => {
	it('agrees with the elapsed-time definition of sla.md §States', () => {
		fc.assert(
			fc.property(scenario, ({ clock, now }) => {
				const { status } = evaluateTarget(clock, cal, now);
				const elapsed = elapsedAt(clock, now);
				const target = clock.targetMinutes * 60_000;
				const threshold = Math.round((target * clock.atRiskPercent) / 100);
				const expected =
					elapsed >= target ? 'breached' : elapsed >= threshold ? 'at_risk' : 'on_track';
				expect(status.state).toBe(expected);
			}),
			{ numRuns: 300 }
		);
	});

	it('changes state exactly at nextTransitionAt, and not before', () => {
		fc.assert(
			fc.property(scenario, ({ clock, now }) => {
				const r = evaluateTarget(clock, cal, now);
				if (r.nextTransitionAt === null) return;
				expect(r.nextTransitionAt).toBeGreaterThan(now);
				// Pauses are events; only a clock running from now to the transition may be probed.
				const quiet = clock.stops.every(
					(s) => s.from > r.nextTransitionAt! || (s.to ?? Infinity) <= now
				);
				if (!quiet) return;
				const before = evaluateTarget(clock, cal, r.nextTransitionAt - 1).status.state;
				const at = evaluateTarget(clock, cal, r.nextTransitionAt).status.state;
				expect(before).toBe(r.status.state);
				expect(at).not.toBe(r.status.state);
			}),
			{ numRuns: 300 }
		);
	});

	it('judges a met target by the elapsed time at the instant it was met', () => {
		fc.assert(
			fc.property(scenario, fc.integer({ min: 0, max: 20 * 24 * 60 }), ({ clock }, metMinutes) => {
				const metAt = clock.startedAt + metMinutes * 60_000;
				const r = evaluateTarget({ ...clock, metAt }, cal, metAt + 1000);
				const inTime = elapsedAt(clock, metAt) < clock.targetMinutes * 60_000;
				expect(r.status.state).toBe(inTime ? 'met' : 'met_late');
				expect(r.nextTransitionAt).toBeNull();
			}),
			{ numRuns: 300 }
		);
	});
});
