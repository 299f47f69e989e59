import { describe, expect, it } from 'vitest';
import { backlogHealth, cellHealth, serviceLevelHealth } from './health';

const quiet = {
	contactsToday: 0,
	waiting: 0,
	backlog: 0,
	serviceLevel: null,
	atRisk: 0,
	breached: 0
};

describe('health (goal 80 %)', () => {
	it.each([
		{ sl: null, want: 'good' },
		{ sl: 80, want: 'good' },
		{ sl: 95.5, want: 'good' },
		{ sl: 79.9, want: 'warn' },
		{ sl: 70, want: 'warn' },
		{ sl: 69.9, want: 'bad' }
	])('service level $sl → $want', ({ sl, want }) => {
		expect(serviceLevelHealth(sl, 80)).toBe(want);
	});

	it.each([
		{ atRisk: 0, breached: 0, want: 'good' },
		{ atRisk: 2, breached: 0, want: 'warn' },
		{ atRisk: 2, breached: 1, want: 'bad' }
	])('backlog at risk $atRisk, breached $breached → $want', ({ atRisk, breached, want }) => {
		expect(backlogHealth(atRisk, breached)).toBe(want);
	});

	it.each([
		{ name: 'nothing at all', over: {}, want: 'idle' },
		{ name: 'contacts today, SL fine', over: { contactsToday: 3, serviceLevel: 90 }, want: 'good' },
		{ name: 'only a waiting call', over: { waiting: 1 }, want: 'good' },
		{ name: 'only an open case at risk', over: { backlog: 1, atRisk: 1 }, want: 'warn' },
		{
			name: 'SL bad wins over backlog warn',
			over: { contactsToday: 5, serviceLevel: 50, backlog: 1, atRisk: 1 },
			want: 'bad'
		},
		{
			name: 'breach wins over SL good',
			over: { contactsToday: 5, serviceLevel: 100, backlog: 1, breached: 1 },
			want: 'bad'
		},
		{ name: 'SL warn, backlog good', over: { contactsToday: 5, serviceLevel: 75 }, want: 'warn' }
	])('cell: $name → $want', ({ over, want }) => {
		expect(cellHealth({ ...quiet, ...over }, 80)).toBe(want);
	});
});
