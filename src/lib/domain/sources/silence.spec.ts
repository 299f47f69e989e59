import { describe, expect, it } from 'vitest';
import { alwaysOpenCalendar, standardCalendar } from '../calendar/business-calendar';
import { INDONESIA_HOLIDAYS } from '../calendar/holidays-id';
import { isReceiving, judgeSilence, openUntil } from './silence';

/** Epoch ms of a WIB wall time `YYYY-MM-DDTHH:MM[:SS]`. */
const wib = (s: string) => Date.parse(`${s}+07:00`);
const standard = standardCalendar(INDONESIA_HOLIDAYS);

// 2026-03-09 is a Monday, 03-06 a Friday, 03-07 a Saturday; 2026-08-17 (Monday) is a holiday.
describe('judgeSilence on the standard calendar (Mon–Fri 07:30–16:30 WIB, holidays)', () => {
	const rows = [
		{
			name: 'quiet for 10 of 15 minutes in business hours',
			last: '2026-03-09T09:50',
			now: '2026-03-09T10:00',
			limit: 15,
			silent: false,
			minutes: 10,
			next: '2026-03-09T10:05'
		},
		{
			name: 'silent at exactly the limit',
			last: '2026-03-09T09:45',
			now: '2026-03-09T10:00',
			limit: 15,
			silent: true,
			minutes: 15,
			next: '2026-03-09T16:30'
		},
		{
			name: 'silent 23 minutes: the warning lasts until closing',
			last: '2026-03-09T09:37',
			now: '2026-03-09T10:00',
			limit: 15,
			silent: true,
			minutes: 23,
			next: '2026-03-09T16:30'
		},
		{
			name: 'Saturday: closed, no warning; Monday gets its quiet limit first',
			last: '2026-03-07T08:00',
			now: '2026-03-07T10:00',
			limit: 15,
			silent: false,
			minutes: 0,
			next: '2026-03-09T07:45'
		},
		{
			name: 'Friday 16:20 to Monday 07:34 is 14 business minutes',
			last: '2026-03-06T16:20',
			now: '2026-03-09T07:34',
			limit: 15,
			silent: false,
			minutes: 14,
			next: '2026-03-09T07:35'
		},
		{
			name: 'a national holiday (17 August) is closed: no warning until Tuesday opens',
			last: '2026-08-14T15:00',
			now: '2026-08-17T10:00',
			limit: 15,
			silent: false,
			minutes: 90,
			next: '2026-08-18T07:30'
		},
		{
			name: 'at closing time the warning ends',
			last: '2026-03-09T14:00',
			now: '2026-03-09T16:30',
			limit: 15,
			silent: false,
			minutes: 150,
			next: '2026-03-10T07:30'
		},
		{
			name: 'a longer limit (60 minutes) set for a quiet channel',
			last: '2026-03-09T09:20',
			now: '2026-03-09T10:00',
			limit: 60,
			silent: false,
			minutes: 40,
			next: '2026-03-09T10:20'
		}
	];
	it.each(rows)('$name', (r) => {
		const judged = judgeSilence(standard, {
			lastEventAt: wib(r.last),
			watchedSince: wib('2026-01-01T00:00'),
			quietMinutes: r.limit,
			now: wib(r.now)
		});
		expect(judged).toEqual({
			silent: r.silent,
			since: wib(r.last),
			silentMinutes: r.minutes,
			nextCheckAt: wib(r.next)
		});
	});

	it('counts a source never heard from since it was first watched', () => {
		const judged = judgeSilence(standard, {
			lastEventAt: null,
			watchedSince: wib('2026-03-09T09:00'),
			quietMinutes: 15,
			now: wib('2026-03-09T09:20')
		});
		expect(judged).toMatchObject({
			silent: true,
			since: wib('2026-03-09T09:00'),
			silentMinutes: 20
		});
	});

	it.each([0, null])('never judges a source with quiet limit %s silent', (limit) => {
		const judged = judgeSilence(standard, {
			lastEventAt: wib('2026-03-09T08:00'),
			watchedSince: wib('2026-01-01T00:00'),
			quietMinutes: limit,
			now: wib('2026-03-09T12:00')
		});
		expect(judged).toEqual({
			silent: false,
			since: wib('2026-03-09T08:00'),
			silentMinutes: 240,
			nextCheckAt: null
		});
	});

	it('treats an event stamped after now (a clock ahead) as arriving now', () => {
		const now = wib('2026-03-09T10:00');
		const judged = judgeSilence(standard, {
			lastEventAt: now + 5_000,
			watchedSince: now,
			quietMinutes: 15,
			now
		});
		expect(judged).toMatchObject({ silent: false, since: now, silentMinutes: 0 });
	});
});

describe('openUntil', () => {
	it.each([
		{ cal: standard, at: '2026-03-09T10:00', until: '2026-03-09T16:30' },
		{ cal: standard, at: '2026-03-09T16:30', until: null },
		{ cal: standard, at: '2026-03-07T10:00', until: null },
		// Round the clock: business time does not end at midnight; the search stops a week on.
		{ cal: alwaysOpenCalendar(), at: '2026-03-09T10:00', until: '2026-03-17T00:00' }
	])('$at → $until', ({ cal, at, until }) => {
		expect(openUntil(cal, wib(at))).toBe(until === null ? null : wib(until));
	});
});

describe('isReceiving', () => {
	const now = wib('2026-03-09T10:00');
	it.each([
		{ last: now - 14 * 60_000, limit: 15, receiving: true },
		{ last: now - 15 * 60_000, limit: 15, receiving: false },
		{ last: now - 20 * 60_000, limit: 30, receiving: true },
		{ last: now - 20 * 60_000, limit: 0, receiving: false },
		{ last: null, limit: 15, receiving: false }
	])('last event $last, limit $limit → $receiving', ({ last, limit, receiving }) => {
		expect(isReceiving(last, limit, now, 15)).toBe(receiving);
	});
});
