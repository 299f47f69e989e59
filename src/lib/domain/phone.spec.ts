import { describe, expect, it } from 'vitest';
import { maskPhone, toE164 } from './phone';

describe('toE164', () => {
	it.each([
		['+62 812-3456-7890', '+6281234567890'],
		['0812 3456 7890', '+6281234567890'],
		['081234567890', '+6281234567890'],
		['6281234567890', '+6281234567890'],
		['006281234567890', '+6281234567890'],
		['81234567890', '+6281234567890'],
		['(021) 5555-1234', '+622155551234'],
		['tel:+6281234567890', '+6281234567890'],
		['972987654321', '+972987654321'],
		['+972 98 765 4321', '+972987654321']
	])('%s → %s', (raw, e164) => {
		expect(toE164(raw)).toBe(e164);
	});

	it.each([[''], ['   '], ['anonymous'], ['1001'], ['+0812345678'], ['+1234567890123456']])(
		'%j is no phone number',
		(raw) => {
			expect(toE164(raw)).toBeNull();
		}
	);
});

describe('maskPhone', () => {
	it('keeps the country code, three digits of the number and the last three', () => {
		expect(maskPhone('+6281234567890')).toBe('+62812•••••890');
		expect(maskPhone('+972987654321')).toBe('+9729•••••321');
	});

	it('never shows a short number whole', () => {
		expect(maskPhone('+6281234')).toBe('+62•••••');
	});
});
