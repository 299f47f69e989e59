import { describe, it, expect } from 'vitest';
import { timeZoneProblem, wallTimeToEpoch } from './zoned-time';

describe('wallTimeToEpoch', () => {
	it.each([
		['2012-07-03 15:27:23.896208', 'UTC', '2012-07-03T15:27:23.896Z'],
		['2012-07-03 15:27:23', 'Asia/Jakarta', '2012-07-03T08:27:23.000Z'],
		['2012-07-03 15:27:23.5', 'Asia/Makassar', '2012-07-03T07:27:23.500Z'],
		// Europe/Paris is UTC+2 in July and UTC+1 in January: the offset follows the date.
		['2012-07-03 15:27:23', 'Europe/Paris', '2012-07-03T13:27:23.000Z'],
		['2012-01-03 15:27:23', 'Europe/Paris', '2012-01-03T14:27:23.000Z'],
		['2018-11-30 13:31:17', 'America/New_York', '2018-11-30T18:31:17.000Z'],
		// An explicit offset wins over the zone option.
		['2012-07-03 15:27:23.896208+02', 'UTC', '2012-07-03T13:27:23.896Z'],
		['2012-07-03T15:27:23+07:00', 'UTC', '2012-07-03T08:27:23.000Z'],
		['2012-07-03 15:27:23Z', 'Asia/Jakarta', '2012-07-03T15:27:23.000Z']
	])('%s in %s is %s', (text, zone, iso) => {
		expect(new Date(wallTimeToEpoch(text, zone)!).toISOString()).toBe(iso);
	});

	it.each([
		['2012-02-30 10:00:00'],
		['2012-07-03 25:00:00'],
		['2012-07-03 10:61:00'],
		['yesterday']
	])('%s is no instant', (text) => {
		expect(wallTimeToEpoch(text, 'UTC')).toBeNull();
	});
});

describe('timeZoneProblem', () => {
	it('accepts IANA zones', () => {
		expect(timeZoneProblem('UTC')).toBeNull();
		expect(timeZoneProblem('Asia/Jakarta')).toBeNull();
	});
	it('names an unknown zone', () => {
		expect(timeZoneProblem('Asia/Bandung')).toMatch(/unknown time zone "Asia\/Bandung"/);
	});
});
