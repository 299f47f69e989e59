import { describe, expect, it } from 'vitest';
import { wireEventSchema } from '../../lib/contracts/ingest';
import { DemoSimulation } from './simulation';

const reference = {
	provinces: [
		{ code: '11', villages: 100 },
		{ code: '35', villages: 900 }
	],
	queues: [
		{ name: 'kopdes-lahan', issueType: 'kopdes_lahan' },
		{ name: 'informasi', issueType: 'informasi_umum' }
	]
};
const start = Date.parse('2026-03-09T08:00:00+07:00');

describe('demo traffic', () => {
	const sim = new DemoSimulation(reference, start, 'spec', 7);
	const events = sim.advance(start + 3600_000);

	it('produces only valid wire events, in time order, with unique ids', () => {
		for (const e of events) expect(wireEventSchema.safeParse(e).success).toBe(true);
		const times = events.map((e) => Date.parse(e.at));
		expect(times).toEqual([...times].sort((a, b) => a - b));
		expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
	});

	it('is busy, weights provinces by villages, and has abandons, hand-offs and agents', () => {
		const count = (type: string) => events.filter((e) => e.type === type).length;
		expect(count('call.entered')).toBeGreaterThan(200);
		expect(count('call.abandoned')).toBeGreaterThan(0);
		expect(count('chat.handed_off')).toBeGreaterThan(0);
		expect(count('agent.logged_in')).toBe(40);
		const entered = events.filter((e) => e.type === 'call.entered' && 'province' in e);
		const east = entered.filter((e) => 'province' in e && e.province === '35').length;
		const aceh = entered.filter((e) => 'province' in e && e.province === '11').length;
		expect(east).toBeGreaterThan(aceh * 4);
	});

	it('replies to a case before resolving it (the API refuses replies to a resolved case)', () => {
		const long = new DemoSimulation(reference, start, 'cases', 11).advance(start + 12 * 3600_000);
		const at = (type: string) =>
			new Map(
				long.filter((e) => e.type === type).map((e) => [(e as { caseId: string }).caseId, e.at])
			);
		const replied = at('case.responded');
		const resolved = at('case.resolved');
		expect(resolved.size).toBeGreaterThan(5);
		for (const [caseId, when] of resolved) {
			const reply = replied.get(caseId);
			if (reply) expect(Date.parse(reply)).toBeLessThan(Date.parse(when));
		}
	});

	it('is deterministic for a seed and never repeats an event across advances', () => {
		const again = new DemoSimulation(reference, start, 'spec', 7).advance(start + 3600_000);
		expect(again).toEqual(events);
		const later = sim.advance(start + 2 * 3600_000);
		expect(later.every((e) => Date.parse(e.at) >= start + 3600_000)).toBe(true);
	});
});
