import { describe, it, expect } from 'vitest';
import {
	formFieldOf,
	formatOverrides,
	formatWeek,
	parseIntervals,
	parseOverrides,
	parseWeek
} from './calendar-form';

describe('parseIntervals', () => {
	it.each([
		{ text: '07:30-16:30', intervals: [{ start: '07:30', end: '16:30' }] },
		{
			text: ' 7:30 - 12:00 , 13:00–16:30 ',
			intervals: [
				{ start: '07:30', end: '12:00' },
				{ start: '13:00', end: '16:30' }
			]
		},
		{ text: '00:00-24:00', intervals: [{ start: '00:00', end: '24:00' }] },
		{ text: '', intervals: [] },
		{ text: '-', intervals: [] }
	])('"$text"', ({ text, intervals }) => {
		expect(parseIntervals(text)).toEqual({ intervals });
	});

	it.each([
		'07:30',
		'07:30-',
		'7-16',
		'07:30-16:60',
		'25:00-26:00',
		'24:00-24:00',
		'08:00-09:00-10:00'
	])('refuses "%s", quoting it', (text) => {
		const parsed = parseIntervals(text);
		expect(parsed).toHaveProperty('problem');
		if ('problem' in parsed) expect(parsed.problem).toContain('must be HH:MM-HH:MM');
	});
});

describe('parseWeek / formatWeek', () => {
	const days = ['', '07:30-16:30', '07:30-12:00, 13:00-16:30', '', '', '07:30-11:30', ''];

	it('flattens the week and remembers each entry’s weekday field', () => {
		const week = parseWeek(days);
		expect(week).toMatchObject({
			fields: ['weekly.1', 'weekly.2', 'weekly.2', 'weekly.5'],
			weekly: [
				{ weekday: 1, start: '07:30', end: '16:30' },
				{ weekday: 2, start: '07:30', end: '12:00' },
				{ weekday: 2, start: '13:00', end: '16:30' },
				{ weekday: 5, start: '07:30', end: '11:30' }
			]
		});
		if ('weekly' in week) expect(formatWeek(week.weekly)).toEqual(days);
	});

	it('names the weekday field of a bad entry', () => {
		const bad = [...days];
		bad[3] = '08:00-nanti';
		expect(parseWeek(bad)).toEqual({
			field: 'weekly.3',
			problem: '"08:00-nanti" must be HH:MM-HH:MM, e.g. 07:30-16:30'
		});
	});
});

describe('parseOverrides / formatOverrides', () => {
	it('reads dated hours and closed days, skipping blank lines', () => {
		const text = '2026-03-20: 08:00-14:00\n\n2026-03-21: -';
		const parsed = parseOverrides(text);
		expect(parsed).toEqual({
			overrides: [
				{ date: '2026-03-20', intervals: [{ start: '08:00', end: '14:00' }] },
				{ date: '2026-03-21', intervals: [] }
			]
		});
		if ('overrides' in parsed)
			expect(formatOverrides(parsed.overrides)).toBe(text.replace('\n\n', '\n'));
	});

	it.each([
		{
			text: '20-03-2026: 08:00-14:00',
			problem: 'line 1 "20-03-2026: 08:00-14:00" must be YYYY-MM-DD'
		},
		{ text: '\n2026-03-20 08:00-14:00', problem: 'line 2' },
		{ text: '2026-03-20: 8-14', problem: 'line 1: "8-14" must be HH:MM-HH:MM' }
	])('refuses "$text" naming the line', ({ text, problem }) => {
		const parsed = parseOverrides(text);
		expect('problem' in parsed && parsed.problem).toContain(problem);
	});
});

describe('formFieldOf', () => {
	const week = { weekly: [], fields: ['weekly.1', 'weekly.2', 'weekly.2'] };
	it.each([
		{ field: 'weekly[2].end', form: 'weekly.2' },
		{ field: 'weekly[0]', form: 'weekly.1' },
		{ field: 'overrides[1].intervals[0].end', form: 'overrides' },
		{ field: 'holidays[1].date', form: 'holiday.4.date' },
		{ field: 'holidays[0].name', form: 'holiday.0.name' },
		{ field: 'name', form: 'name' }
	])('$field → $form', ({ field, form }) => {
		expect(formFieldOf(field, week, [0, 4])).toBe(form);
	});
});
