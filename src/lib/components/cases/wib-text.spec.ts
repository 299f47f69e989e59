import { describe, it, expect } from 'vitest';
import { wibText } from './wib-text';

describe('wibText', () => {
	it.each([
		{ iso: '2026-03-09T09:00:00+07:00', lang: 'id', text: 'Sen 2026-03-09 09:00:00' },
		{ iso: '2026-03-09T02:00:00Z', lang: 'en', text: 'Mon 2026-03-09 09:00:00' },
		// 17:30 UTC on Friday is already Saturday in WIB.
		{ iso: '2026-03-06T17:30:00Z', lang: 'id', text: 'Sab 2026-03-07 00:30:00' },
		{ iso: null, lang: 'id', text: '—' },
		{ iso: 'soon', lang: 'en', text: '—' }
	] as const)('$iso in $lang → $text', ({ iso, lang, text }) => {
		expect(wibText(iso, lang)).toBe(text);
	});
});
