import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ContactEvent } from '../events';
import { emptyFigures, MetricsEngine } from './engine';
import type { MetricsFilter } from './figures';
import {
	queue,
	testSettings,
	wib,
	HOUR,
	MINUTE,
	fakeSla,
	aCall
} from '../../../../tests/builders/contact-events';
import { arbitraryEvents } from './engine.fixtures';

const START = wib('2026-03-25 08:00');
const NOW = START + 6 * HOUR;
const settings = testSettings({ queues: { q1: queue({ issueType: 'pinjaman' }), q2: queue() } });
const FILTERS: MetricsFilter[] = [
	{},
	{ queue: 'q1' },
	{ province: '61' },
	{ channel: 'chat' },
	{ issueType: 'unknown' }
];
const WINDOWS = [
	{ from: START - HOUR, to: NOW },
	{ from: START + 37 * MINUTE + 1234, to: START + 3 * HOUR + 17 }
];

function snapshot(events: ContactEvent[]) {
	const engine = new MetricsEngine(settings, { sla: fakeSla(30, 120) });
	for (const e of events) engine.apply(e);
	return {
		figures: FILTERS.flatMap((f) => WINDOWS.map((w) => engine.figures({ ...f, ...w }, NOW))),
		wall: engine.wallView({ province: '61', issueType: null }, NOW)
	};
}

describe('MetricsEngine', () => {
	it('applying the same events in any order gives the same figures and wall view', () => {
		fc.assert(
			fc.property(
				arbitraryEvents(START).chain((events) =>
					fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length }))
				),
				([events, shuffled]) => {
					expect(snapshot(shuffled)).toEqual(snapshot(events));
				}
			),
			{ numRuns: 150 }
		);
	});

	it('emptyFigures is what an engine with no events reports', () => {
		const engine = new MetricsEngine(testSettings());
		expect(engine.figures({ from: START, to: NOW }, NOW)).toEqual(emptyFigures());
	});

	it('setSettings re-counts every contact under the new thresholds', () => {
		const engine = new MetricsEngine(testSettings());
		for (const e of aCall('c').in('q1').enteredAt(START).answered(30).events()) engine.apply(e);
		const sl = () => engine.figures({ from: START, to: NOW }, NOW).calls.serviceLevel;
		expect(sl()).toBe(0);
		engine.setSettings(
			testSettings({
				queues: {
					q1: queue({
						thresholds: { serviceLevelSeconds: 45, shortAbandonSeconds: 5, serviceLevelGoal: 80 }
					})
				}
			})
		);
		expect(sl()).toBe(100);
	});

	it('prune keeps open contacts and today intact', () => {
		const engine = new MetricsEngine(testSettings());
		const events = [
			...aCall('old')
				.enteredAt(START - 30 * HOUR)
				.answered(5)
				.completed(20)
				.events(),
			...aCall('wait')
				.enteredAt(NOW - MINUTE)
				.events(),
			...aCall('today').enteredAt(START).answered(5).events()
		];
		for (const e of events) engine.apply(e);
		const before = engine.figures({ from: wib('2026-03-25 00:00'), to: NOW }, NOW);
		engine.prune(wib('2026-03-25 00:00'));
		expect(engine.calls.has('old')).toBe(false);
		expect(engine.figures({ from: wib('2026-03-25 00:00'), to: NOW }, NOW)).toEqual(before);
		expect(before.calls).toMatchObject({ offered: 1, waitingNow: 1 });
	});
});
