import { describe, expect, it } from 'vitest';
import { placementOfNewCase } from './case-placement';

describe('placementOfNewCase', () => {
	it.each([
		// Areas that disagree are bad input (400 from the service), not a place to refuse.
		[
			{ villageCode: '61.01.01.2001', regencyCode: '11.01', provinceCode: '11', issueType: 'a' },
			null
		],
		[{ regencyCode: '62.03', provinceCode: '11', issueType: 'a' }, null],
		[{ villageCode: '99.99', provinceCode: '61', issueType: 'a' }, null],
		[{ villageCode: '11.01.01.2001', provinceCode: '61', issueType: 'a' }, null],
		[
			{ villageCode: '61.01.01.2001', regencyCode: '61.01', provinceCode: '61', issueType: 'a' },
			'61'
		],
		[{ villageCode: '61.01.01.2001', issueType: 'a' }, '61'],
		[{ regencyCode: '62.03', provinceCode: '', issueType: 'a' }, '62'],
		[{ provinceCode: '94', issueType: 'a' }, '94'],
		[{ villageCode: '', regencyCode: '  ', provinceCode: '32', issueType: 'a' }, '32'],
		[{ provinceCode: 'Kalbar', issueType: 'a' }, null],
		[{ issueType: 'a' }, null],
		[{ provinceCode: 61, issueType: 'a' }, null]
	])('%j → %s', (fields, province) => {
		expect(placementOfNewCase(fields)).toEqual({ province, issueType: 'a' });
	});
	it('an empty issue type is none', () => {
		expect(placementOfNewCase({ provinceCode: '61', issueType: '' }).issueType).toBeNull();
	});
});
