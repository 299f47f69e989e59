import { describe, it, expect } from 'vitest';
import { caseFieldErrors, caseInputOf, wibLocalToIso } from './case-form';

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
};
const valid = {
	reporterType: 'member',
	reporterContact: '+62 812-3456-7890',
	provinceCode: '61',
	issueType: 'kopdes_lahan',
	priority: 'normal',
	channel: 'ticket',
	subject: 'Sengketa lahan',
	description: 'Surat dari pengurus koperasi.'
};

describe('wibLocalToIso', () => {
	it.each([
		{ local: '2026-03-09T09:05', iso: '2026-03-09T09:05:00+07:00' },
		{ local: '2026-03-09T09:05:30', iso: '2026-03-09T09:05:30+07:00' },
		{ local: 'kemarin', iso: 'kemarin' }
	])('$local → $iso', ({ local, iso }) => {
		expect(wibLocalToIso(local)).toBe(iso);
	});
});

describe('caseInputOf', () => {
	it('keeps filled fields, drops empty ones and reads receivedAt as WIB', () => {
		const input = caseInputOf(
			form({ ...valid, reporterName: '  ', receivedAt: '2026-03-06T16:00', unknown: 'x' })
		);
		expect(input).toEqual({ ...valid, receivedAt: '2026-03-06T16:00:00+07:00' });
		expect(caseFieldErrors(input)).toEqual({});
	});
});

describe('caseFieldErrors', () => {
	it('names every field at fault, once each', () => {
		const errors = caseFieldErrors(
			caseInputOf(
				form({
					...valid,
					reporterContact: 'abc',
					subject: '',
					channel: 'fax',
					villageCode: '61.01'
				})
			)
		);
		expect(Object.keys(errors).sort()).toEqual([
			'channel',
			'reporterContact',
			'subject',
			'villageCode'
		]);
		expect(errors.reporterContact).toContain('phone number');
		expect(errors.villageCode).toContain('61.01.01.2001');
		expect(errors.subject).toBe('required');
	});
});

describe('caseFieldErrors with a source contact', () => {
	const { channel: _c, issueType: _i, ...rest } = valid;
	it('channel and issue type are required for a letter, not for a call or chat', () => {
		expect(caseFieldErrors(caseInputOf(form(rest)))).toEqual({
			channel: 'required',
			issueType: 'required'
		});
		const input = caseInputOf(form({ ...rest, sourceContactId: ' call-1 ' }));
		expect(input).toMatchObject({ sourceContactId: 'call-1' });
		expect(caseFieldErrors(input)).toEqual({});
	});
});
