import { describe, expect, it } from 'vitest';
import { stateOf, wibText } from './state';

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
