import { describe, it, expect } from 'vitest';
import type { MetricsFigures, Thresholds, WallView } from '$contracts/metrics';
import { caseTone, longestWaitTone, serviceLevelTone, wallTiles, TILE_METRICS } from './tiles';

const TH: Thresholds = { serviceLevelSeconds: 20, shortAbandonSeconds: 5, serviceLevelGoal: 80 };

function figures(): MetricsFigures {
	return {
		calls: {
			offered: 0,
			answered: 0,
			answeredWithinThreshold: 0,
			abandoned: 0,
			shortAbandons: 0,
			exited: 0,
			serviceLevel: null,
			abandonRate: null,
			asa: null,
			aht: null,
			ahtIsTalkOnly: false,
			waitingNow: 0,
			longestWaitNow: null,
			agents: { loggedIn: 0, available: 0, onCall: 0, paused: 0, pausedByReason: {} }
		},
		chats: {
			sessions: 0,
			botSessionsEnded: 0,
			botContained: 0,
			containmentRate: null,
			handOffs: 0,
			waitingNow: 0,
			longestWaitNow: null,
			firstResponseMean: null,
			firstResponseP90: null,
			missed: 0
		},
		cases: {
			opened: 0,
			resolved: 0,
			backlog: 0,
			atRisk: 0,
			breached: 0,
			firstResponseCompliance: null,
			resolutionCompliance: null,
			ageMedianMinutes: null,
			ageOldestMinutes: null
		}
	};
}

function view(today = figures(), thresholds = TH): WallView {
	const scope = { province: null, issueType: null };
	return { scope, today, provinces: [], issueTypes: [], series: [], thresholds };
}

const tile = (v: WallView, metric: string, lang: 'id' | 'en' = 'en') =>
	wallTiles(v, lang).find((x) => x.metric === metric)!;

describe('tones come from the thresholds in the data', () => {
	it.each([
		{ value: 80, goal: 80, tone: 'good' },
		{ value: 79.9, goal: 80, tone: 'bad' },
		{ value: 79.9, goal: 70, tone: 'good' },
		{ value: null, goal: 80, tone: 'neutral' }
	])('service level $value vs goal $goal → $tone', ({ value, goal, tone }) => {
		expect(serviceLevelTone(value, { ...TH, serviceLevelGoal: goal })).toBe(tone);
	});

	it.each([
		{ seconds: 20, t: 20, tone: 'good' },
		{ seconds: 21, t: 20, tone: 'warn' },
		{ seconds: 21, t: 30, tone: 'good' },
		{ seconds: null, t: 20, tone: 'neutral' }
	])('longest wait $seconds s with T=$t → $tone', ({ seconds, t, tone }) => {
		expect(longestWaitTone(seconds, { ...TH, serviceLevelSeconds: t })).toBe(tone);
	});

	it.each([
		{ count: 0, whenAny: 'bad', tone: 'good' },
		{ count: 2, whenAny: 'bad', tone: 'bad' },
		{ count: 1, whenAny: 'warn', tone: 'warn' }
	] as const)('$count cases (any → $whenAny) → $tone', ({ count, whenAny, tone }) => {
		expect(caseTone(count, whenAny)).toBe(tone);
	});
});

describe('wallTiles', () => {
	it('gives the ten tiles in wall order', () => {
		expect(wallTiles(view(), 'id').map((x) => x.metric)).toEqual([...TILE_METRICS]);
	});

	it('shows null rates and durations as a dash', () => {
		for (const metric of ['serviceLevel', 'abandonRate', 'botContainment', 'asa', 'longestWait']) {
			expect(tile(view(), metric).value).toBe('—');
		}
	});

	it('puts the formula with the configured thresholds on the service-level tile', () => {
		const th = { serviceLevelSeconds: 30, shortAbandonSeconds: 8, serviceLevelGoal: 90 };
		expect(tile(view(figures(), th), 'serviceLevel', 'id').definition).toBe(
			'Dijawab ≤ 30 dtk ÷ (ditawarkan − ditinggalkan singkat) · target 90 %'
		);
		expect(tile(view(figures(), th), 'abandonRate').definition).toContain('≥ 8 s');
	});

	it('formats figures in the chosen language and notes talk-only AHT', () => {
		const today = figures();
		today.calls = { ...today.calls, serviceLevel: 85.04, waitingNow: 1234, asa: 75 };
		today.calls = { ...today.calls, aht: 250, ahtIsTalkOnly: true, shortAbandons: 3 };
		const v = view(today);
		expect(tile(v, 'serviceLevel', 'id')).toMatchObject({ value: '85,0', tone: 'good' });
		expect(tile(v, 'callsWaiting', 'id').value).toBe('1.234');
		expect(tile(v, 'callsWaiting', 'en').value).toBe('1,234');
		expect(tile(v, 'asa').value).toBe('1:15');
		expect(tile(v, 'asa').sub).toBe('AHT 4:10 (talk time only)');
		expect(tile(v, 'abandonRate').sub).toBe('short abandons (< 5 s): 3');
	});
});
