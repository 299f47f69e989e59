import { describe, it, expect } from 'vitest';
import { rowState } from './row-values';

const refused = {
	formKey: 'p1',
	saved: false,
	errors: { firstResponseMinutes: 'must be positive' },
	values: { name: 'Typed', teamIds: ['t1', 't2'], active: 'on', provinces: '61' }
};

describe('rowState', () => {
	it('shows what was typed, and the error, in the row that was refused', () => {
		const row = rowState('p1', refused);
		expect(row.text('name', 'Stored')).toBe('Typed');
		expect(row.text('channel', 'call')).toBe('');
		expect(row.list('teamIds', [])).toEqual(['t1', 't2']);
		expect(row.list('provinces', [])).toEqual(['61']);
		expect(row.list('issueTypes', ['x'])).toEqual([]);
		expect(row.on('active', false)).toBe(true);
		expect(row.error('firstResponseMinutes')).toBe('must be positive');
		expect(row.saved).toBe(false);
	});

	it('shows stored values in every other row', () => {
		const row = rowState('p2', refused);
		expect(row.text('name', 'Stored')).toBe('Stored');
		expect(row.text('atRiskPercent', 80)).toBe('80');
		expect(row.text('issueType', null)).toBe('');
		expect(row.on('active', false)).toBe(false);
		expect(row.error('firstResponseMinutes')).toBeNull();
	});

	it('says saved for the row that was saved', () => {
		expect(rowState('p1', { ...refused, saved: true, errors: {}, values: {} }).saved).toBe(true);
	});
});
