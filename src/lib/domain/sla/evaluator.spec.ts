import { describe, it, expect } from 'vitest';
import { alwaysOpenCalendar, standardCalendar } from '../calendar/business-calendar';
import { createSlaEvaluator, SlaConfigError } from './evaluator';
import type { SlaPolicy } from './policy';
import type { CaseClockInput } from './types';

const wib = (s: string) => Date.parse(`${s}+07:00`);

const policies: SlaPolicy[] = [
	{
		id: 'default',
		name: 'Default',
		issueType: null,
		priority: null,
		channel: null,
		firstResponseMinutes: 120,
		resolutionMinutes: 480,
		calendarId: 'standard'
	},
	{
		id: 'chat',
		name: 'Chatbot hand-over',
		issueType: null,
		priority: null,
		channel: 'chat',
		firstResponseMinutes: 10,
		resolutionMinutes: 240,
		atRiskPercent: 50,
		calendarId: '24x7'
	}
];
const calendars = [standardCalendar(), alwaysOpenCalendar()];

const input = (channel: CaseClockInput['channel']): CaseClockInput => ({
	openedAt: wib('2026-03-07T10:00'),
	firstRespondedAt: null,
	resolvedAt: null,
	pauses: [],
	issueType: 'kopdes_lahan',
	priority: 'normal',
	channel
});

describe('createSlaEvaluator', () => {
	const evaluator = createSlaEvaluator({ policies, calendars });

	it('evaluates a ticket opened on Saturday on the standard calendar (sla.md row 2 style)', () => {
		const r = evaluator.evaluate(input('ticket'), wib('2026-03-07T12:00'));
		expect(r.firstResponse).toMatchObject({ state: 'on_track', dueAt: wib('2026-03-09T09:30') });
		expect(r.nextTransitionAt).toBe(wib('2026-03-09T09:06'));
	});

	it('evaluates a chat on the 24/7 calendar with its own threshold', () => {
		const r = evaluator.evaluate(input('chat'), wib('2026-03-07T10:06'));
		expect(r.firstResponse).toMatchObject({
			state: 'at_risk',
			atRiskAt: wib('2026-03-07T10:05'),
			dueAt: wib('2026-03-07T10:10')
		});
		expect(r.nextTransitionAt).toBe(wib('2026-03-07T10:10'));
	});

	it('exposes the matched policy and its calendar', () => {
		const p = evaluator.policyFor(input('chat'));
		expect(p.id).toBe('chat');
		expect(evaluator.calendarOf(p).id).toBe('24x7');
	});

	it('measures case age on the default policy calendar', () => {
		expect(evaluator.businessMinutes(wib('2026-03-06T16:00'), wib('2026-03-09T09:00'))).toBe(120);
	});

	it.each([
		[{ policies: policies.slice(1) }, /no default policy/],
		[
			{ policies: [...policies, { ...policies[0]!, name: 'again' }] },
			/policy id "default" is used twice/
		],
		[{ policies: [{ ...policies[0]!, calendarId: 'team-x' }] }, /unknown calendar "team-x"/],
		[
			{ policies: [{ ...policies[0]!, resolutionMinutes: -5 }] },
			/resolutionMinutes must be a positive/
		],
		[
			{ calendars: [standardCalendar(), standardCalendar()] },
			/calendar id "standard" is used twice/
		],
		[
			{ calendars: [standardCalendar(), { ...alwaysOpenCalendar(), timeZone: 'Mars/Olympus' }] },
			/Unknown time zone "Mars\/Olympus"/
		]
	])('rejects a bad configuration %#', (patch, message) => {
		const make = () => createSlaEvaluator({ policies, calendars, ...patch });
		expect(make).toThrow(SlaConfigError);
		expect(make).toThrow(message);
	});

	describe('a case keeps the policy revision it was created under', () => {
		const old = { ...policies[0]!, id: 'default@1', firstResponseMinutes: 60 };
		const current = { ...policies[0]!, id: 'default@2', firstResponseMinutes: 240 };
		const revised = createSlaEvaluator({
			policies: [current, policies[1]!],
			retired: [old],
			calendars
		});
		const at = wib('2026-03-09T08:00');
		const open = { ...input('ticket'), openedAt: wib('2026-03-09T07:30') };

		it.each([
			['the named old revision', 'default@1', wib('2026-03-09T08:30')],
			['the named current revision', 'default@2', wib('2026-03-09T11:30')],
			['a match when the name is unknown', 'gone@9', wib('2026-03-09T11:30')],
			['a match when no name is given', undefined, wib('2026-03-09T11:30')]
		])('uses %s', (_, policyId, due) => {
			const r = revised.evaluate({ ...open, ...(policyId ? { policyId } : {}) }, at);
			expect(r.firstResponse.dueAt).toBe(due);
		});

		it('never matches a retired revision for a new case', () => {
			expect(revised.policyFor({ issueType: 'x', priority: 'normal', channel: 'ticket' }).id).toBe(
				'default@2'
			);
		});

		it('checks retired revisions too', () => {
			expect(() =>
				createSlaEvaluator({ policies, calendars, retired: [{ ...old, calendarId: 'nope' }] })
			).toThrow(/unknown calendar "nope"/);
		});
	});
});
