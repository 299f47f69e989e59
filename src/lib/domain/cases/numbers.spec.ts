import { describe, expect, it } from 'vitest';
import { CASE_NUMBER, caseNumber, deriveArea } from './numbers';

describe('case numbers', () => {
	it.each([
		[2026, 123, 'K-2026-000123'],
		[2027, 1, 'K-2027-000001'],
		[2026, 1_234_567, 'K-2026-1234567']
	])('%i #%i → %s', (year, n, want) => {
		expect(caseNumber(year, n)).toBe(want);
		expect(CASE_NUMBER.test(want)).toBe(true);
	});
});

describe('deriveArea', () => {
	it.each([
		[{ villageCode: '61.01.01.2001' }, ['61.01.01.2001', '61.01', '61'], null],
		[{ regencyCode: '61.01' }, [null, '61.01', '61'], null],
		[{ provinceCode: '61' }, [null, null, '61'], null],
		[{}, [null, null, null], null],
		[
			{ villageCode: '61.01.01.2001', provinceCode: '32' },
			['61.01.01.2001', '61.01', '32'],
			'provinceCode'
		],
		[
			{ villageCode: '61.01.01.2001', regencyCode: '61.02' },
			['61.01.01.2001', '61.02', '61'],
			'regencyCode'
		]
	])('%j', (given, [v, r, p], conflict) => {
		const got = deriveArea(given);
		expect(got.area).toEqual({ villageCode: v, regencyCode: r, provinceCode: p });
		expect(got.conflict).toBe(conflict);
	});
});
