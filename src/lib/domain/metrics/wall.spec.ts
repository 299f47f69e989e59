import { describe, expect, it } from 'vitest';
import { UNKNOWN } from '../events';
import { MetricsEngine } from './engine';
import { applyWallPatch, diffWallView } from './wall-patch';
import {
	aCall,
	aCase,
	aChat,
	eventsOf,
	ISSUE_TYPES,
	MINUTE,
	PROVINCES,
	testSettings,
	wib
} from '../../../../tests/builders/contact-events';

const NOW = wib('2026-03-25 10:30:20');

function engineWith(): MetricsEngine {
	const engine = new MetricsEngine(testSettings());
	const events = eventsOf(
		aCall('y').enteredAt(wib('2026-03-24 23:50'), { province: '61' }).answered(5),
		aCall('a')
			.enteredAt(NOW - 30 * MINUTE, { province: '61', issueType: 'pinjaman' })
			.answered(10),
		aCall('b')
			.enteredAt(NOW - 5 * MINUTE, { province: '61', issueType: 'kopdes_lahan' })
			.abandoned(60),
		aCall('w').enteredAt(NOW - 40_000, { province: '31', issueType: 'pinjaman' }),
		aChat('s')
			.started(NOW - 2 * MINUTE, { province: '11' })
			.handedOff(NOW - MINUTE),
		aCase('k').opened(NOW - 90 * MINUTE, { province: '61', issueType: 'pinjaman' })
	);
	for (const e of events) engine.apply(e);
	return engine;
}

describe('wallView', () => {
	it('lists every province then unknown, and every issue type then unknown, in order', () => {
		const view = engineWith().wallView({ province: '61', issueType: null }, NOW);
		expect(view.provinces.map((p) => p.code)).toEqual([...PROVINCES, UNKNOWN]);
		expect(view.issueTypes.map((r) => r.code)).toEqual([...ISSUE_TYPES, UNKNOWN]);
	});

	it('today counts since 00:00 WIB within the scope, with live values', () => {
		const national = engineWith().wallView({ province: null, issueType: null }, NOW).today;
		expect(national.calls).toMatchObject({
			offered: 2,
			answered: 1,
			abandoned: 1,
			waitingNow: 1,
			longestWaitNow: 40
		});
		expect(national.chats).toMatchObject({ sessions: 1, waitingNow: 1 });
		expect(national.cases).toMatchObject({ opened: 1, backlog: 1, ageOldestMinutes: 90 });
		const p61 = engineWith().wallView({ province: '61', issueType: 'pinjaman' }, NOW).today;
		expect(p61.calls).toMatchObject({ offered: 1, answered: 1, waitingNow: 0 });
		expect(p61.chats.sessions).toBe(0);
	});

	it('the grid respects the other scope dimension only', () => {
		const view = engineWith().wallView({ province: '61', issueType: 'pinjaman' }, NOW);
		const cell = (code: string) => view.provinces.find((p) => p.code === code)!;
		expect([cell('61').contactsToday, cell('31').callsWaiting, cell('61').backlog]).toEqual([
			2, 1, 1
		]);
		const row = (code: string) => view.issueTypes.find((r) => r.code === code)!;
		expect([
			row('pinjaman').contactsToday,
			row('kopdes_lahan').contactsToday,
			row('pinjaman').callsWaiting
		]).toEqual([2, 1, 0]);
		expect([cell('11').health, cell('61').health, cell('31').health]).toEqual([
			'idle',
			'good',
			'good'
		]);
		// Nationally, 61's abandoned kopdes_lahan call halves its service level: bad.
		const national = engineWith().wallView({ province: null, issueType: null }, NOW);
		expect(national.provinces.find((p) => p.code === '61')).toMatchObject({
			serviceLevel: 50,
			health: 'bad'
		});
	});

	it('series is the 60 minutes ending with the minute of now, oldest first', () => {
		const view = engineWith().wallView({ province: null, issueType: null }, NOW);
		const minutes = view.series.map((p) => p.minute);
		expect(minutes).toHaveLength(60);
		expect(minutes[59]).toBe(wib('2026-03-25 10:30'));
		expect(minutes.every((m, i) => i === 0 || m - minutes[i - 1]! === MINUTE)).toBe(true);
		const sum = (k: 'callsOffered' | 'callsAbandoned' | 'chatsStarted' | 'casesOpened') =>
			view.series.reduce((s, p) => s + p[k], 0);
		expect([
			sum('callsOffered'),
			sum('callsAbandoned'),
			sum('chatsStarted'),
			sum('casesOpened')
		]).toEqual([2, 1, 1, 0]);
	});

	it('is plain JSON and diff/apply round-trips between two instants', () => {
		const engine = engineWith();
		const a = engine.wallView({ province: null, issueType: null }, NOW);
		expect(JSON.parse(JSON.stringify(a))).toEqual(a);
		for (const e of aCall('z').enteredAt(NOW).answered(3).events()) engine.apply(e);
		const b = engine.wallView({ province: null, issueType: null }, NOW + MINUTE);
		expect(applyWallPatch(a, diffWallView(a, b))).toEqual(b);
	});
});
