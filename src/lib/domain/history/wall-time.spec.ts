import { describe, expect, it } from 'vitest';
import { parseWallTime, timeZoneProblem } from './wall-time';

const US = 'MM/DD/YYYY hh:mm:ss A' as const;
const NY = 'America/New_York';

describe('source wall times in a named zone with daylight saving', () => {
	it.each([
		// The 311 samples' own rows on and around DST days.
		['11/04/2018 06:01:30 AM', '2018-11-04T11:01:30Z'], // after fall-back: EST
		['03/11/2018 06:56:32 AM', '2018-03-11T10:56:32Z'], // after spring-forward: EDT
		['03/08/2015 08:00:00 PM', '2015-03-09T00:00:00Z'],
		['03/08/2015 11:38:14 PM', '2015-03-09T03:38:14Z'],
		['03/24/2025 11:33:07 PM', '2025-03-25T03:33:07Z'],
		['03/11/2018 01:59:59 AM', '2018-03-11T06:59:59Z'], // last EST second
		['03/11/2018 03:00:00 AM', '2018-03-11T07:00:00Z'], // first EDT second
		['11/04/2018 01:30:00 AM', '2018-11-04T05:30:00Z'], // twice: the first (EDT) one
		['11/04/2018 02:00:00 AM', '2018-11-04T07:00:00Z'],
		['12/31/2018 12:00:00 AM', '2018-12-31T05:00:00Z'], // midnight is 12 AM
		['12/31/2018 12:00:00 PM', '2018-12-31T17:00:00Z'] // noon is 12 PM
	])('%s New York is %s', (text, iso) => {
		expect(parseWallTime(text, US, NY)).toEqual({ ok: true, at: Date.parse(iso) });
	});

	it('refuses a wall time that never happened, and text that is no date', () => {
		expect(parseWallTime('03/11/2018 02:30:00 AM', US, NY)).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/did not happen in America\/New_York/)
		});
		expect(parseWallTime('02/30/2018 10:00:00 AM', US, NY)).toMatchObject({ ok: false });
		expect(parseWallTime('13/01/2018 10:00:00 AM', US, NY)).toMatchObject({ ok: false });
		expect(parseWallTime('yesterday', US, NY)).toMatchObject({ ok: false });
	});

	it('reads other formats', () => {
		expect(parseWallTime('2025-03-31 23:59:59', 'YYYY-MM-DD HH:mm:ss', 'Asia/Jakarta')).toEqual({
			ok: true,
			at: Date.parse('2025-03-31T16:59:59Z')
		});
		expect(parseWallTime('2025-03-31T17:00:00Z', 'ISO', NY)).toEqual({
			ok: true,
			at: Date.parse('2025-03-31T17:00:00Z')
		});
		expect(parseWallTime('2025-03-31T17:00:00', 'ISO', NY)).toMatchObject({ ok: false });
	});

	it('names a time zone that does not exist', () => {
		expect(timeZoneProblem('America/New_York')).toBeNull();
		expect(timeZoneProblem('America/Gotham')).toMatch(/unknown time zone "America\/Gotham"/);
	});
});
