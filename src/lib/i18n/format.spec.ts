import { describe, it, expect } from 'vitest';
import { en } from './en';
import { id } from './id';
import { formatCount, formatDecimal, formatDuration, formatPercent, t } from './index';

describe('number formatting', () => {
	it.each([
		{ value: 1234, lang: 'id', text: '1.234' },
		{ value: 1234, lang: 'en', text: '1,234' },
		{ value: 0, lang: 'id', text: '0' },
		{ value: null, lang: 'en', text: '—' }
	] as const)('count $value in $lang → $text', ({ value, lang, text }) => {
		expect(formatCount(value, lang)).toBe(text);
	});

	it.each([
		{ value: 87.25, lang: 'id', text: '87,3' },
		{ value: 87.25, lang: 'en', text: '87.3' },
		{ value: 100, lang: 'id', text: '100,0' },
		{ value: null, lang: 'id', text: '—' }
	] as const)('percent $value in $lang → $text', ({ value, lang, text }) => {
		expect(formatPercent(value, lang)).toBe(text);
	});

	it.each([
		{ value: 6.4, lang: 'id', digits: 2, text: '6,40' },
		{ value: 0.126, lang: 'en', digits: 2, text: '0.13' },
		{ value: 1234.5, lang: 'id', digits: 1, text: '1.234,5' }
	] as const)('decimal $value in $lang ($digits) → $text', ({ value, lang, digits, text }) => {
		expect(formatDecimal(value, lang, digits)).toBe(text);
	});

	it.each([
		{ seconds: 0, text: '0:00' },
		{ seconds: 18.4, text: '0:18' },
		{ seconds: 125, text: '2:05' },
		{ seconds: 3725, text: '1:02:05' },
		{ seconds: null, text: '—' }
	])('duration $seconds s → $text', ({ seconds, text }) => {
		expect(formatDuration(seconds)).toBe(text);
	});
});

describe('dictionaries', () => {
	it('Indonesian is the default and English has the same keys', () => {
		const keys = (o: object): string[] =>
			Object.entries(o).flatMap(([k, v]) =>
				v && typeof v === 'object' ? keys(v).map((sub) => `${k}.${sub}`) : [k]
			);
		expect(keys(en).sort()).toEqual(keys(id).sort());
		expect(t('id').staleTitle).toBe('DATA TIDAK TERKINI');
		expect(t('en').staleReason.offline).toBe('connection lost');
	});
});
