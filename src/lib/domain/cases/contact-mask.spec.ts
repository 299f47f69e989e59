import { describe, expect, it } from 'vitest';
import { maskContact } from './contact-mask';

describe('maskContact', () => {
	it.each([
		['+62 812-3456-7890', '+62 812-****-7890'],
		['+6281234567890', '+62812****7890'],
		['081234567890', '0812****7890'],
		['0561 123456', '056* **3456'],
		['budi.santoso@example.com', 'b***@example.com'],
		['a@b.id', 'a***@b.id']
	])('%s → %s', (contact, masked) => {
		expect(maskContact(contact)).toBe(masked);
	});

	it('never shows more than the last four digits of the subscriber number', () => {
		for (const c of ['+62 812-3456-7890', '081234567890', '0561 123456', '123456789']) {
			const hidden = maskContact(c).replace(/[^*]/g, '').length;
			expect(hidden).toBeGreaterThanOrEqual(3);
		}
	});
});
