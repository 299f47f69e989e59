import { describe, expect, it } from 'vitest';
import { stateOf, stateWords, wibText } from './state';

describe('stateOf', () => {
	it.each([
		{ silent: true, connected: true, receiving: false, state: 'silent' },
		{ silent: true, connected: null, receiving: false, state: 'silent' },
		{ silent: false, connected: false, receiving: true, state: 'disconnected' },
		{ silent: false, connected: true, receiving: false, state: 'connected' },
		{ silent: false, connected: null, receiving: true, state: 'receiving' },
		{ silent: false, connected: null, receiving: false, state: 'idle' }
	])('silent $silent, connected $connected, receiving $receiving → $state', (row) => {
		expect(stateOf(row)).toBe(row.state);
	});
});

describe('wibText', () => {
	it('shows the WIB date and minute of a +07:00 instant', () => {
		expect(wibText('2026-03-09T10:05:30+07:00')).toBe('2026-03-09 10:05');
		expect(wibText(null)).toBeNull();
	});
});

describe('stateWords', () => {
	const words = {
		states: {
			silent: 'silent',
			disconnected: 'down',
			connected: 'up',
			receiving: 'in',
			idle: 'quiet'
		},
		silentFor: (m: number) => `silent ${m} min`
	};
	it.each([
		{ silent: true, connected: null, receiving: false, silentMinutes: 23, text: 'silent 23 min' },
		{
			silent: true,
			connected: true,
			receiving: false,
			silentMinutes: 16,
			text: 'silent 16 min · up'
		},
		{ silent: false, connected: false, receiving: false, silentMinutes: 3, text: 'down' },
		{ silent: false, connected: null, receiving: true, silentMinutes: 0, text: 'in' }
	])('$text', ({ text, ...s }) => expect(stateWords(s, words)).toBe(text));
});
