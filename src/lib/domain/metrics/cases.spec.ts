import { describe, expect, it } from 'vitest';
import type { ContactEvent } from '../events';
import type { CaseSlaEvaluator } from '../sla/types';
import { alwaysOpenCalendar, standardCalendar } from '../calendar/business-calendar';
import { createSlaEvaluator } from '../sla/evaluator';
import { MetricsEngine } from './engine';
import {
	aCase,
	eventsOf,
	HOUR,
	MINUTE,
	fakeSla,
	testSettings,
	wib
} from '../../../../tests/builders/contact-events';

const T = wib('2026-03-25 09:00');
const DAY = { from: wib('2026-03-25 00:00'), to: wib('2026-03-26 00:00') };

function cases(events: ContactEvent[], now: number, sla?: CaseSlaEvaluator, window = DAY) {
	const engine = new MetricsEngine(testSettings(), { sla });
	for (const e of events) engine.apply(e);
	return engine.figures(window, now).cases;
}

describe('cases: opened, resolved, backlog', () => {
	it.each([
		{
			name: 'opened and still open',
			c: aCase('k').opened(T),
			want: { opened: 1, resolved: 0, backlog: 1 }
		},
		{
			name: 'resolved',
			c: aCase('k')
				.opened(T)
				.resolved(T + HOUR),
			want: { opened: 1, resolved: 1, backlog: 0 }
		},
		{
			name: 'resolved then closed is one resolution',
			c: aCase('k')
				.opened(T)
				.resolved(T + HOUR)
				.closed(T + 2 * HOUR),
			want: { resolved: 1, backlog: 0 }
		},
		{
			name: 'closed without resolving',
			c: aCase('k')
				.opened(T)
				.closed(T + HOUR),
			want: { resolved: 1, backlog: 0 }
		},
		{
			name: 'reopened is open again',
			c: aCase('k')
				.opened(T)
				.resolved(T + HOUR)
				.reopened(T + 2 * HOUR),
			want: { resolved: 1, backlog: 1 }
		},
		{
			name: 'reopened and resolved again',
			c: aCase('k')
				.opened(T)
				.resolved(T + HOUR)
				.reopened(T + 2 * HOUR)
				.resolved(T + 3 * HOUR),
			want: { resolved: 2, backlog: 0 }
		},
		{
			name: 'status events before the opening arrives',
			c: aCase('k')
				.resolved(T + HOUR)
				.opened(T),
			want: { opened: 1, resolved: 1, backlog: 0 }
		}
	])('$name', ({ c, want }) => {
		expect(cases(c.events(), T + 5 * HOUR)).toMatchObject(want);
	});

	it('ages without an evaluator are elapsed minutes: median and oldest', () => {
		const events = eventsOf(
			aCase('a').opened(T),
			aCase('b').opened(T + HOUR),
			aCase('c').opened(T + 3 * HOUR)
		);
		const c = cases(events, T + 4 * HOUR);
		expect([c.ageMedianMinutes, c.ageOldestMinutes]).toEqual([180, 240]);
		expect([c.atRisk, c.breached, c.firstResponseCompliance]).toEqual([0, 0, null]);
	});
});

describe('cases: SLA state now and compliance (first response 60 min, resolution 240 min)', () => {
	const sla = fakeSla(60, 240);
	it.each([
		{ name: 'on track', c: aCase('k').opened(T), now: T + 30 * MINUTE, atRisk: 0, breached: 0 },
		{
			name: 'first response at risk (80 %)',
			c: aCase('k').opened(T),
			now: T + 48 * MINUTE,
			atRisk: 1,
			breached: 0
		},
		{
			name: 'first response breached',
			c: aCase('k').opened(T),
			now: T + 60 * MINUTE,
			atRisk: 0,
			breached: 1
		},
		{
			name: 'responded; resolution at risk',
			c: aCase('k')
				.opened(T)
				.responded(T + 10 * MINUTE),
			now: T + 200 * MINUTE,
			atRisk: 1,
			breached: 0
		},
		{
			name: 'resolved cases are not in backlog risk',
			c: aCase('k')
				.opened(T)
				.resolved(T + 5 * HOUR),
			now: T + 6 * HOUR,
			atRisk: 0,
			breached: 0
		}
	])('$name', ({ c, now, atRisk, breached }) => {
		expect(cases(c.events(), now, sla)).toMatchObject({ atRisk, breached });
	});

	it('compliance: met in time ÷ fell due in the window, per target kind', () => {
		const events = eventsOf(
			aCase('met')
				.opened(T)
				.responded(T + 10 * MINUTE)
				.resolved(T + HOUR),
			aCase('late')
				.opened(T)
				.responded(T + 2 * HOUR)
				.resolved(T + 3 * HOUR),
			aCase('running')
				.opened(T)
				.responded(T + 30 * MINUTE)
		);
		// At 11:00 the running case's resolution (due 13:00) has not fallen due yet.
		expect(cases(events, T + 2 * HOUR, sla)).toMatchObject({
			firstResponseCompliance: 66.7,
			resolutionCompliance: 100
		});
		// At 14:00 it has: breached at 13:00.
		expect(cases(events, T + 5 * HOUR, sla)).toMatchObject({
			firstResponseCompliance: 66.7,
			resolutionCompliance: 66.7
		});
	});

	it('a breach counts in the window of its due time, not of the opening', () => {
		const events = aCase('k').opened(wib('2026-03-24 23:30')).events();
		const now = wib('2026-03-25 12:00');
		expect(cases(events, now, sla).firstResponseCompliance).toBe(0);
		const before = { from: wib('2026-03-24 00:00'), to: wib('2026-03-25 00:00') };
		expect(cases(events, now, sla, before).firstResponseCompliance).toBeNull();
	});

	it('reopen continues the resolution clock and clears the resolution', () => {
		const events = aCase('k')
			.opened(T)
			.responded(T)
			.resolved(T + HOUR)
			.reopened(T + 2 * HOUR)
			.events();
		// 1 h resolved period stops the clock: due moves from 13:00 to 14:00.
		expect(cases(events, T + 4 * HOUR + 30 * MINUTE, sla)).toMatchObject({
			backlog: 1,
			breached: 0,
			resolutionCompliance: null
		});
		expect(cases(events, T + 5 * HOUR, sla)).toMatchObject({
			breached: 1,
			resolutionCompliance: 0
		});
	});

	it('ages come from the evaluator business minutes', () => {
		const halfSpeed: CaseSlaEvaluator = { ...sla, businessMinutes: (a, b) => (b - a) / MINUTE / 2 };
		expect(cases(aCase('k').opened(T).events(), T + HOUR, halfSpeed).ageOldestMinutes).toBe(30);
	});
});

describe('cases: waiting on the reporter stops the resolution clock (sla.md §Policies)', () => {
	// Real evaluator, 24/7 calendar: first response 60 min, resolution 240 min, at risk 80 %.
	const sla = createSlaEvaluator({
		calendars: [alwaysOpenCalendar(), standardCalendar()],
		policies: [
			{
				id: 'default@1',
				name: 'd',
				issueType: null,
				priority: null,
				channel: null,
				firstResponseMinutes: 60,
				resolutionMinutes: 240,
				calendarId: '24x7'
			}
		]
	});
	const answered = () =>
		aCase('k')
			.opened(T)
			.responded(T + 10 * MINUTE);

	it.each([
		{
			name: 'waiting since 1 h: resolution frozen on track past its plain due time',
			c: answered().waiting(T + HOUR),
			now: T + 6 * HOUR,
			want: { atRisk: 0, breached: 0 }
		},
		{
			name: 'waited 2 h then resumed: due moves from 13:00 to 15:00',
			c: answered()
				.waiting(T + HOUR)
				.resumed(T + 3 * HOUR),
			now: T + 5 * HOUR + 59 * MINUTE,
			want: { atRisk: 1, breached: 0 }
		},
		{
			name: 'waited 2 h then resumed: breached at 15:00',
			c: answered()
				.waiting(T + HOUR)
				.resumed(T + 3 * HOUR),
			now: T + 6 * HOUR,
			want: { atRisk: 0, breached: 1 }
		},
		{
			name: 'the first-response clock never pauses',
			c: aCase('k')
				.opened(T)
				.waiting(T + 10 * MINUTE),
			now: T + HOUR,
			want: { breached: 1 }
		},
		{
			name: 'a resolution ends the wait',
			c: answered()
				.waiting(T + HOUR)
				.resolved(T + 2 * HOUR)
				.reopened(T + 3 * HOUR),
			// ran 1 h, stopped 2 h (waiting then resolved), runs again from 12:00: due 15:00.
			now: T + 6 * HOUR - 1,
			want: { atRisk: 1, breached: 0 }
		}
	])('$name', ({ c, now, want }) => {
		expect(cases(c.events(), now, sla)).toMatchObject(want);
	});

	it('uses the policy revision named by the opening', () => {
		const revised = createSlaEvaluator({
			calendars: [alwaysOpenCalendar()],
			policies: [
				{
					...sla.policyFor({ issueType: 'x', priority: 'normal', channel: 'ticket' }),
					id: 'default@2',
					firstResponseMinutes: 600
				}
			],
			retired: [{ ...sla.policyFor({ issueType: 'x', priority: 'normal', channel: 'ticket' }) }]
		});
		const engine = new MetricsEngine(testSettings(), { sla: revised });
		engine.apply({ type: 'case.opened', caseId: 'old', at: T, policy: 'default@1' });
		engine.apply({ type: 'case.opened', caseId: 'new', at: T });
		expect(engine.figures(DAY, T + 61 * MINUTE).cases.breached).toBe(1);
	});
});
