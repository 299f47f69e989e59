import { describe, it, expect } from 'vitest';
import { standardCalendar, type BusinessCalendar } from '../calendar/business-calendar';
import { evaluateCase, evaluateTarget, SlaInputError, type TargetClock } from './evaluate';
import type { SlaPolicy } from './policy';
import type { CaseClockInput } from './types';

const wib = (s: string) => Date.parse(`${s}+07:00`);
const cal = standardCalendar();

const policy: SlaPolicy = {
	id: 'default',
	name: 'Default',
	issueType: null,
	priority: null,
	channel: null,
	firstResponseMinutes: 120,
	resolutionMinutes: 480,
	calendarId: 'standard'
};

function caseInput(patch: Partial<CaseClockInput> = {}): CaseClockInput {
	return {
		openedAt: wib('2026-03-09T08:00'),
		firstRespondedAt: null,
		resolvedAt: null,
		pauses: [],
		issueType: 'kopdes_lahan',
		priority: 'normal',
		channel: 'ticket',
		...patch
	};
}

const clock = (patch: Partial<TargetClock> = {}): TargetClock => ({
	startedAt: wib('2026-03-06T16:00'),
	targetMinutes: 120,
	atRiskPercent: 80,
	metAt: null,
	stops: [],
	...patch
});

describe('sla.md row 6: opened Fri 2026-03-06 16:00, 120 min, at risk at 80 %', () => {
	it.each([
		['2026-03-06T16:10', 'on_track', '2026-03-09T08:36'],
		['2026-03-09T08:35:59', 'on_track', '2026-03-09T08:36'],
		['2026-03-09T08:36', 'at_risk', '2026-03-09T09:00'],
		['2026-03-09T08:59:59', 'at_risk', '2026-03-09T09:00'],
		['2026-03-09T09:00', 'breached', null]
	])('at %s it is %s, next change at %s', (now, state, next) => {
		const r = evaluateTarget(clock(), cal, wib(now));
		expect(r.status).toMatchObject({
			state,
			atRiskAt: wib('2026-03-09T08:36'),
			dueAt: wib('2026-03-09T09:00')
		});
		expect(r.nextTransitionAt).toBe(next === null ? null : wib(next));
	});

	it.each([
		['2026-03-09T08:59:59', 'met'],
		['2026-03-09T09:00', 'met_late'],
		['2026-03-10T10:00', 'met_late']
	])('met at %s is %s', (at, state) => {
		const r = evaluateTarget(clock({ metAt: wib(at) }), cal, wib('2026-03-12T10:00'));
		expect(r.status).toMatchObject({ state, metAt: wib(at), paused: false });
		expect(r.nextTransitionAt).toBeNull();
	});
});

describe('sla.md row 5: opened Mon 2026-03-09 08:00, 480 min, waiting Mon 10:00 → Tue 11:00', () => {
	const pauses = [{ from: wib('2026-03-09T10:00'), to: wib('2026-03-10T11:00') }];
	const at = (now: string, patch: Partial<CaseClockInput> = {}) =>
		evaluateCase(caseInput({ pauses, ...patch }), policy, cal, wib(now)).resolution;

	it('falls due Wed 2026-03-11 08:00, at risk from Tue 15:24', () => {
		expect(at('2026-03-10T12:00')).toMatchObject({
			state: 'on_track',
			dueAt: wib('2026-03-11T08:00'),
			atRiskAt: wib('2026-03-10T15:24'),
			paused: false
		});
	});
	it.each([
		['2026-03-10T15:23:59', 'on_track'],
		['2026-03-10T15:24', 'at_risk'],
		['2026-03-11T07:59:59', 'at_risk'],
		['2026-03-11T08:00', 'breached']
	])('at %s it is %s', (now, state) => {
		expect(at(now).state).toBe(state);
	});
	it.each([
		['2026-03-10T16:00', 'met'],
		['2026-03-11T07:59', 'met'],
		['2026-03-11T08:00', 'met_late']
	])('resolved at %s is %s', (resolved, state) => {
		expect(at('2026-03-12T10:00', { resolvedAt: wib(resolved) }).state).toBe(state);
	});
	it('while paused, freezes the state and projects the due time as if resumed now', () => {
		// Mon 12:00: 120 min elapsed; 360 to go from now → Mon 16:30 (270) + Tue 09:00 (90).
		const r = evaluateCase(caseInput({ pauses }), policy, cal, wib('2026-03-09T12:00'));
		expect(r.resolution).toMatchObject({
			state: 'on_track',
			paused: true,
			dueAt: wib('2026-03-10T09:00')
		});
		// Only the first-response clock (due Mon 10:00, at risk 09:36, already breached) is left.
		expect(r.firstResponse.state).toBe('breached');
		expect(r.nextTransitionAt).toBeNull();
	});
	it('does not pause the first-response clock', () => {
		const r = evaluateCase(caseInput({ pauses }), policy, cal, wib('2026-03-09T09:00'));
		expect(r.firstResponse).toMatchObject({
			dueAt: wib('2026-03-09T10:00'),
			atRiskAt: wib('2026-03-09T09:36')
		});
		expect(r.nextTransitionAt).toBe(wib('2026-03-09T09:36'));
	});
});

describe('pauses', () => {
	const resolutionAt = (now: string, pauses: CaseClockInput['pauses']) =>
		evaluateCase(caseInput({ pauses }), policy, cal, wib(now)).resolution;

	it('treats a pause still open as ongoing, projecting from now', () => {
		const r = resolutionAt('2026-03-10T09:00', [{ from: wib('2026-03-09T10:00'), to: null }]);
		expect(r).toMatchObject({ state: 'on_track', paused: true, dueAt: wib('2026-03-10T15:00') });
		expect(r.atRiskAt).toBe(wib('2026-03-10T13:24'));
	});
	it('treats a pause whose end is after now as ongoing', () => {
		const r = resolutionAt('2026-03-10T09:00', [
			{ from: wib('2026-03-09T10:00'), to: wib('2026-03-12T00:00') }
		]);
		expect(r).toMatchObject({ paused: true, dueAt: wib('2026-03-10T15:00') });
	});
	it('keeps a breach that happened before the pause', () => {
		const r = resolutionAt('2026-03-11T09:00', [{ from: wib('2026-03-10T10:00'), to: null }]);
		expect(r).toMatchObject({ state: 'breached', paused: true, dueAt: wib('2026-03-09T16:00') });
	});
	it('merges overlapping pauses and ignores what lies before opening', () => {
		const r = resolutionAt('2026-03-10T12:00', [
			{ from: wib('2026-03-08T10:00'), to: wib('2026-03-09T09:00') },
			{ from: wib('2026-03-09T10:00'), to: wib('2026-03-10T08:00') },
			{ from: wib('2026-03-09T15:00'), to: wib('2026-03-10T11:00') }
		]);
		// Runs Mon 09:00–10:00 (60) and from Tue 11:00: 420 to go → Tue 16:30 (330) + Wed 09:00.
		expect(r.dueAt).toBe(wib('2026-03-11T09:00'));
	});
	it('ends a pause that outlasts the resolution at the resolution', () => {
		const r = evaluateCase(
			caseInput({
				pauses: [{ from: wib('2026-03-09T10:00'), to: null }],
				resolvedAt: wib('2026-03-12T10:00')
			}),
			policy,
			cal,
			wib('2026-03-13T10:00')
		).resolution;
		// Clipped at Thu 10:00: 120 min run, 360 to go from Thu 10:00 → Thu 16:00.
		expect(r).toMatchObject({ state: 'met', paused: false, dueAt: wib('2026-03-12T16:00') });
	});
});

describe('reopening continues the same clock', () => {
	const reopened = caseInput({
		firstRespondedAt: wib('2026-03-09T08:30'),
		resolvedPeriods: [{ from: wib('2026-03-09T12:00'), to: wib('2026-03-11T10:00') }]
	});
	it('does not count the resolved span and keeps the time before it', () => {
		const r = evaluateCase(reopened, policy, cal, wib('2026-03-11T11:00'));
		// 240 min before resolution, 240 to go from Wed 10:00 → Wed 14:00.
		expect(r.resolution).toMatchObject({
			state: 'on_track',
			dueAt: wib('2026-03-11T14:00'),
			paused: false
		});
		expect(r.nextTransitionAt).toBe(wib('2026-03-11T12:24')); // 384 − 240 = 144 min after 10:00
	});
	it('is met by the later resolution, judged on the continued clock', () => {
		const again = { ...reopened, resolvedAt: wib('2026-03-11T13:59') };
		expect(evaluateCase(again, policy, cal, wib('2026-03-12T10:00')).resolution.state).toBe('met');
	});
});

describe('evaluateCase', () => {
	it('takes the earliest next transition of both targets', () => {
		const r = evaluateCase(caseInput(), policy, cal, wib('2026-03-09T08:00'));
		expect(r.firstResponse.atRiskAt).toBe(wib('2026-03-09T09:36'));
		expect(r.nextTransitionAt).toBe(wib('2026-03-09T09:36'));
	});
	it('counts a resolution without a reply as the first response', () => {
		const r = evaluateCase(
			caseInput({ resolvedAt: wib('2026-03-09T09:00') }),
			policy,
			cal,
			wib('2026-03-10T10:00')
		);
		expect(r.firstResponse).toMatchObject({ state: 'met', metAt: wib('2026-03-09T09:00') });
		expect(r.nextTransitionAt).toBeNull();
	});
	it('ignores facts after now (a reply in the future is not a reply yet)', () => {
		const r = evaluateCase(
			caseInput({ firstRespondedAt: wib('2026-03-09T11:00') }),
			policy,
			cal,
			wib('2026-03-09T10:30')
		);
		expect(r.firstResponse).toMatchObject({ state: 'breached', metAt: null });
	});
	it('reports no due time on a calendar without business time', () => {
		const closed: BusinessCalendar = { ...cal, weekly: Array(7).fill([]) };
		const r = evaluateCase(caseInput(), policy, closed, wib('2026-03-10T10:00'));
		expect(r.resolution).toMatchObject({ state: 'on_track', dueAt: null, atRiskAt: null });
		expect(r.nextTransitionAt).toBeNull();
	});
	it('uses the policy threshold (90 %)', () => {
		const r = evaluateCase(
			caseInput(),
			{ ...policy, atRiskPercent: 90 },
			cal,
			wib('2026-03-09T08:00')
		);
		expect(r.firstResponse.atRiskAt).toBe(wib('2026-03-09T09:48'));
	});
	it.each([
		[{ firstRespondedAt: wib('2026-03-09T07:00') }, /firstRespondedAt .* is before openedAt/],
		[{ resolvedAt: wib('2026-03-08T07:00') }, /resolvedAt .* is before openedAt/],
		[
			{ pauses: [{ from: wib('2026-03-09T10:00'), to: wib('2026-03-09T09:00') }] },
			/pauses\[0\] ends/
		],
		[{ openedAt: Number.NaN }, /openedAt must be an epoch-ms instant/],
		[{ resolvedPeriods: [{ from: 5, to: Number.POSITIVE_INFINITY }] }, /resolvedPeriods\[0\]\.to/]
	])('rejects %o', (patch, message) => {
		const run = () => evaluateCase(caseInput(patch), policy, cal, wib('2026-03-10T10:00'));
		expect(run).toThrow(SlaInputError);
		expect(run).toThrow(message);
	});
});
