import { describe, expect, it } from 'vitest';
import { standardCalendar } from '../calendar/business-calendar';
import {
	byConcern,
	quietLimitOf,
	sourceHealth,
	sourceOfDeadLetter,
	type SourceKind
} from './health';
import { MinuteRing } from './minute-ring';

const wib = (s: string) => Date.parse(`${s}+07:00`);
const M = 60_000;

describe('quietLimitOf', () => {
	it.each<{ kinds: SourceKind[]; override?: number; minutes: number | null; from: string }>([
		{ kinds: ['ingest_key'], minutes: 15, from: 'default' },
		{ kinds: ['ingest_key', 'ami'], minutes: 15, from: 'default' },
		{ kinds: ['whatsapp'], override: 60, minutes: 60, from: 'override' },
		{ kinds: ['chatwoot'], override: 0, minutes: null, from: 'override' },
		{ kinds: ['internal'], minutes: null, from: 'none' },
		{ kinds: ['other'], override: 30, minutes: 30, from: 'override' }
	])('$kinds with override $override → $minutes ($from)', ({ kinds, override, minutes, from }) => {
		expect(quietLimitOf(kinds, override, 15)).toEqual({ minutes, from });
	});
});

describe('sourceOfDeadLetter', () => {
	it.each([
		['ami:pbx-jakarta', 'pbx-jakarta'],
		['whatsapp', 'whatsapp'],
		['chatwoot', 'chatwoot']
	])('%s counts for %s', (name, source) => expect(sourceOfDeadLetter(name)).toBe(source));
});

describe('sourceHealth', () => {
	const now = wib('2026-03-09T10:00');
	const facts = (lastEventAt: number | null) => {
		const events = new MinuteRing();
		const deadLetters = new MinuteRing();
		for (let i = 0; i < 30; i++) events.add(now - i * M, 2);
		deadLetters.add(now - 3 * M, 3);
		return {
			source: 'pbx-jakarta',
			kinds: ['ingest_key', 'ami'] as SourceKind[],
			connected: true,
			lastEventAt,
			lastDeadLetterAt: now - 3 * M,
			watchedSince: wib('2026-03-09T07:00'),
			quietMinutes: 15,
			events,
			deadLetters
		};
	};

	it('rates over the last 15 minutes, receiving, not silent', () => {
		expect(sourceHealth(standardCalendar(), facts(now - M), now, 15)).toMatchObject({
			eventsPerMinute: 2,
			deadLettersPerMinute: 0.2,
			receiving: true,
			silent: false,
			silentMinutes: 1,
			connected: true
		});
	});

	it('silent 23 minutes in business hours: not receiving, silent', () => {
		expect(sourceHealth(standardCalendar(), facts(now - 23 * M), now, 15)).toMatchObject({
			receiving: false,
			silent: true,
			silentMinutes: 23
		});
	});

	it('orders silent sources first, the longest silence first, then by name', () => {
		const cal = standardCalendar();
		const rows = [
			{ ...sourceHealth(cal, facts(now - M), now, 15), source: 'a' },
			{ ...sourceHealth(cal, facts(now - 20 * M), now, 15), source: 'z' },
			{ ...sourceHealth(cal, facts(now - 40 * M), now, 15), source: 'y' },
			{ ...sourceHealth(cal, facts(now - M), now, 15), source: 'b' }
		];
		expect(rows.sort(byConcern).map((r) => r.source)).toEqual(['y', 'z', 'a', 'b']);
	});
});
