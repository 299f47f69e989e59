import { describe, expect, it } from 'vitest';
import { alwaysOpenCalendar } from '../calendar/business-calendar';
import { evaluateCase } from './evaluate';
import type { SlaPolicy } from './policy';
import { lateBySeconds, transitionsOf } from './transitions';
import type { CaseClockInput } from './types';

const M = 60_000;
const T = Date.parse('2026-03-09T08:00:00+07:00');
// 24/7: first response due T+10m (at risk T+8m), resolution due T+100m (at risk T+80m).
const policy: SlaPolicy = {
	id: 'p',
	name: 'p',
	issueType: null,
	priority: null,
	channel: null,
	firstResponseMinutes: 10,
	resolutionMinutes: 100,
	calendarId: '24x7'
};
const input = (more: Partial<CaseClockInput> = {}): CaseClockInput => ({
	openedAt: T,
	firstRespondedAt: null,
	resolvedAt: null,
	pauses: [],
	issueType: 'x',
	priority: 'normal',
	channel: 'ticket',
	...more
});
const at = (c: CaseClockInput, now: number) =>
	transitionsOf(evaluateCase(c, policy, alwaysOpenCalendar(), now)).map(
		(t) => `${t.target}:${t.from}>${t.to}@${(t.at - T) / M}`
	);

describe('transitionsOf', () => {
	it.each([
		['nothing yet', input(), T + 7 * M, []],
		['at risk', input(), T + 8 * M, ['firstResponse:on_track>at_risk@8']],
		[
			'breached, having been at risk',
			input(),
			T + 10 * M,
			['firstResponse:on_track>at_risk@8', 'firstResponse:at_risk>breached@10']
		],
		[
			'met in time',
			input({ firstRespondedAt: T + 5 * M }),
			T + 20 * M,
			['firstResponse:on_track>met@5']
		],
		[
			'met while at risk',
			input({ firstRespondedAt: T + 9 * M }),
			T + 20 * M,
			['firstResponse:on_track>at_risk@8', 'firstResponse:at_risk>met@9']
		],
		[
			'met late',
			input({ firstRespondedAt: T + 12 * M }),
			T + 20 * M,
			[
				'firstResponse:on_track>at_risk@8',
				'firstResponse:at_risk>breached@10',
				'firstResponse:breached>met_late@12'
			]
		],
		[
			'resolution paused while at risk stays at risk',
			input({ firstRespondedAt: T + M, pauses: [{ from: T + 90 * M, to: null }] }),
			T + 500 * M,
			['firstResponse:on_track>met@1', 'resolution:on_track>at_risk@80']
		]
	])('%s', (_, c, now, want) => {
		expect(at(c, now)).toEqual(want);
	});

	it('late by: breach counts to now, a late answer to its instant', () => {
		const [, breach] = transitionsOf(
			evaluateCase(input(), policy, alwaysOpenCalendar(), T + 11 * M)
		);
		expect(lateBySeconds(breach!, T + 12 * M)).toBe(120);
		const late = transitionsOf(
			evaluateCase(
				input({ firstRespondedAt: T + 13 * M }),
				policy,
				alwaysOpenCalendar(),
				T + 99 * M
			)
		).find((t) => t.to === 'met_late')!;
		expect(lateBySeconds(late, T + 99 * M)).toBe(180);
	});
});
