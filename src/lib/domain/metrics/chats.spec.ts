import { describe, expect, it } from 'vitest';
import type { ContactEvent } from '../events';
import { MetricsEngine } from './engine';
import type { MetricsFilter } from './figures';
import {
	aChat,
	eventsOf,
	HOUR,
	MINUTE,
	SECOND,
	testSettings,
	wib
} from '../../../../tests/builders/contact-events';

const T = wib('2026-03-25 09:00');
const DAY = { from: wib('2026-03-25 00:00'), to: wib('2026-03-26 00:00') };

function engineWith(events: ContactEvent[]): MetricsEngine {
	const engine = new MetricsEngine(testSettings());
	for (const e of events) engine.apply(e);
	return engine;
}

function chats(events: ContactEvent[], now = wib('2026-03-26 23:00'), filter: MetricsFilter = {}) {
	return engineWith(events).figures({ ...filter, ...DAY }, now).chats;
}

describe('chats: bot containment (metrics.md §Chat)', () => {
	const bot = aChat('s1')
		.started(T, { contact: 'k1' })
		.ended(T + 2 * MINUTE, 'bot');
	const end = T + 2 * MINUTE;
	it.each([
		{ name: 'closed by the bot, no return', later: [], contained: 1 },
		{
			name: 'return after 25 h',
			later: aChat('s2')
				.started(end + 25 * HOUR, { contact: 'k1' })
				.events(),
			contained: 1
		},
		{
			name: 'return within 24 h',
			later: aChat('s2')
				.started(end + 23 * HOUR, { contact: 'k1' })
				.events(),
			contained: 0
		},
		{
			name: 'return at exactly 24 h',
			later: aChat('s2')
				.started(end + 24 * HOUR, { contact: 'k1' })
				.events(),
			contained: 0
		},
		{
			name: 'another contact returning',
			later: aChat('s2')
				.started(end + HOUR, { contact: 'k2' })
				.events(),
			contained: 1
		}
	])('$name', ({ later, contained }) => {
		const c = chats([...bot.events(), ...later]);
		expect([c.botSessionsEnded, c.botContained]).toEqual([1, contained]);
		expect(c.containmentRate).toBe(contained * 100);
	});

	it('a return arriving first (replay order) still un-contains the earlier session', () => {
		const later = aChat('s2')
			.started(end + HOUR, { contact: 'k1' })
			.events();
		expect(chats([...later, ...bot.events().reverse()]).botContained).toBe(0);
	});

	it('counts as contained until the return, then not: in the day bucket and the minute', () => {
		const engine = engineWith(bot.events());
		const minute = { from: end - (end % MINUTE), to: end - (end % MINUTE) + MINUTE };
		const read = () => [
			engine.figures(DAY, T + HOUR).chats.botContained,
			engine.figures(minute, T + HOUR).chats.botContained
		];
		expect(read()).toEqual([1, 1]);
		for (const e of aChat('s2')
			.started(end + HOUR, { contact: 'k1' })
			.events())
			engine.apply(e);
		expect(read()).toEqual([0, 0]);
	});

	it.each([
		{
			name: 'handed off, then ended by the bot',
			chat: aChat('s')
				.started(T)
				.handedOff(T + 1)
				.ended(T + 9, 'bot')
		},
		{
			name: 'ended by the contact',
			chat: aChat('s')
				.started(T)
				.ended(T + 9, 'contact')
		},
		{
			name: 'ended by an agent after hand-off',
			chat: aChat('s')
				.started(T)
				.handedOff(T + 1)
				.replied(T + 2)
				.ended(T + 9, 'agent')
		}
	])('not contained: $name', ({ chat }) => {
		const c = chats(chat.events());
		expect([c.botSessionsEnded, c.botContained, c.containmentRate]).toEqual([1, 0, 0]);
	});

	it('sessions started with a person are not bot sessions', () => {
		const c = chats(
			aChat('s')
				.started(T, { bot: false })
				.replied(T + 5)
				.ended(T + 9, 'agent')
				.events()
		);
		expect([c.sessions, c.botSessionsEnded, c.containmentRate]).toEqual([1, 0, null]);
	});
});

describe('chats: hand-offs, first response, missed', () => {
	it.each([
		{
			name: 'reply 30 s after hand-off',
			chat: aChat('s')
				.started(T)
				.handedOff(T + MINUTE)
				.replied(T + MINUTE + 30 * SECOND),
			want: { handOffs: 1, firstResponseMean: 30, missed: 0 }
		},
		{
			name: 'contact left before any reply: missed',
			chat: aChat('s')
				.started(T)
				.handedOff(T + MINUTE)
				.ended(T + 5 * MINUTE, 'contact'),
			want: { handOffs: 1, missed: 1, firstResponseMean: null }
		},
		{
			name: 'a reply after the end does not rescue it',
			chat: aChat('s')
				.started(T)
				.handedOff(T + MINUTE)
				.ended(T + 2 * MINUTE, 'system')
				.replied(T + 3 * MINUTE),
			want: { missed: 1, firstResponseMean: null }
		},
		{
			name: 'only the first of several replies counts',
			chat: aChat('s')
				.started(T)
				.handedOff(T)
				.replied(T + 20 * SECOND)
				.replied(T + 10 * SECOND),
			want: { firstResponseMean: 10, firstResponseP90: 10 }
		},
		{
			name: 'a person-started session waits from its start',
			chat: aChat('s')
				.started(T, { bot: false })
				.replied(T + 45 * SECOND),
			want: { handOffs: 0, firstResponseMean: 45 }
		}
	])('$name', ({ chat, want }) => {
		expect(chats(chat.events())).toMatchObject(want);
	});

	it.each([
		{ n: 10, p90: 9 },
		{ n: 11, p90: 10 },
		{ n: 1, p90: 1 },
		{ n: 20, p90: 18 }
	])('p90 is nearest-rank: responses 1..$n s give $p90 s', ({ n, p90 }) => {
		const events = Array.from({ length: n }, (_, i) =>
			aChat(`s${i}`)
				.started(T)
				.handedOff(T)
				.replied(T + (n - i) * SECOND)
				.events()
		).flat();
		const c = chats(events);
		expect(c.firstResponseP90).toBe(p90);
		expect(c.firstResponseMean).toBe((n + 1) / 2);
	});
});

describe('chats: waiting now', () => {
	const now = T + 10 * MINUTE;
	it.each([
		{
			name: 'handed off, no reply',
			chat: aChat('s')
				.started(T)
				.handedOff(T + MINUTE),
			waiting: 1,
			longest: 540
		},
		{
			name: 'replied',
			chat: aChat('s')
				.started(T)
				.handedOff(T + MINUTE)
				.replied(T + 2 * MINUTE),
			waiting: 0,
			longest: null
		},
		{
			name: 'ended',
			chat: aChat('s')
				.started(T)
				.handedOff(T + MINUTE)
				.ended(T + 2 * MINUTE, 'contact'),
			waiting: 0,
			longest: null
		},
		{ name: 'still with the bot', chat: aChat('s').started(T), waiting: 0, longest: null }
	])('$name', ({ chat, waiting, longest }) => {
		const c = chats(chat.events(), now);
		expect([c.waitingNow, c.longestWaitNow]).toEqual([waiting, longest]);
	});

	it('respects the province filter', () => {
		const events = eventsOf(
			aChat('a').started(T, { province: '61' }).handedOff(T),
			aChat('b').started(T, { province: '31' }).handedOff(T)
		);
		expect(chats(events, now, { province: '61' }).waitingNow).toBe(1);
		expect(chats(events, now, { channel: 'call' }).waitingNow).toBe(0);
	});
});
