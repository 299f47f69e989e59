import { describe, it, expect } from 'vitest';
import { maskContact, maskEmail, maskName, maskNik, maskPhone } from './mask';

describe('maskName', () => {
	it.each([
		{ name: 'Budi Santoso', masked: 'B••• S••••••' },
		{ name: '  Siti   Nurhaliza ', masked: 'S••• N••••••••' },
		{ name: 'A', masked: 'A' },
		{ name: '', masked: '' }
	])('$name → $masked', ({ name, masked }) => {
		expect(maskName(name)).toBe(masked);
	});
});

describe('maskPhone', () => {
	it.each([
		{ phone: '081234567890', masked: '0812•••••890' },
		{ phone: '0812-3456-7890', masked: '0812-••••-•890' },
		{ phone: '+62 812 3456 7890', masked: '+62 81• •••• •890' },
		{ phone: '1500 587', masked: '•••• •87' }
	])('$phone → $masked', ({ phone, masked }) => {
		expect(maskPhone(phone)).toBe(masked);
	});

	it('never shows more than 7 digits of a long number', () => {
		const shown = maskPhone('081234567890').replace(/\D/g, '');
		expect(shown.length).toBe(7);
	});
});

describe('maskNik', () => {
	it('keeps only the last four digits of a 16-digit NIK', () => {
		expect(maskNik('6171012345670001')).toBe('••••••••••••0001');
	});
	it('ignores separators', () => {
		expect(maskNik('6171 0123 4567 0001')).toBe('••••••••••••0001');
	});
});

describe('maskEmail and maskContact', () => {
	it.each([
		{ contact: 'budi@koperasi.id', masked: 'b•••@koperasi.id' },
		{ contact: 'budi.santoso@mail.example', masked: 'b•••••••••••@mail.example' },
		{ contact: '081234567890', masked: '0812•••••890' },
		{ contact: 'Jl. Merdeka 10', masked: 'J•• M•••••• 1•' }
	])('$contact → $masked', ({ contact, masked }) => {
		expect(maskContact(contact)).toBe(masked);
	});
	it('masks a local part of one letter too', () => {
		expect(maskEmail('b@x.id')).toBe('b•••@x.id');
	});
});
