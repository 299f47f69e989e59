import { describe, it, expect } from 'vitest';
import { countdown, durationText } from './countdown';

const DUE = Date.parse('2026-03-09T09:00:00+07:00');
const units = { day: 'd', hour: 'h' };

describe('countdown', () => {
	it.each([
		{ offset: -3_723_000, text: '1:02:03', late: false },
		{ offset: -500, text: '0:00:01', late: false },
		{ offset: 0, text: '0:00:00', late: true },
		{ offset: 59_999, text: '0:00:59', late: true },
		{ offset: 90 * 60_000, text: '1:30:00', late: true },
		{ offset: -(2 * 86_400_000 + 3 * 3_600_000 + 59_000), text: '2d 03h', late: false }
	])('now = due + $offset ms → $text (late $late)', ({ offset, text, late }) => {
		expect(countdown(DUE, DUE + offset, units)).toEqual({ text, late });
	});
});

describe('durationText', () => {
	it('uses the language units from a day on', () => {
		expect(durationText(86_400 + 7200, { day: 'h', hour: 'j' })).toBe('1h 02j');
	});
	it('never goes negative', () => {
		expect(durationText(-5, units)).toBe('0:00:00');
	});
});
