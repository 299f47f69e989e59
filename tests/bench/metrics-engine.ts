/**
 * Rough cost of the live metrics engine: 100k contacts (60k calls, 25k chats, 15k cases) over
 * one WIB day applied, then wallView and figures at the end of that day.
 * Run: node --import tsx tests/bench/metrics-engine.ts
 */
import { performance } from 'node:perf_hooks';
import type { ContactEvent } from '../../src/lib/domain/events';
import { MetricsEngine } from '../../src/lib/domain/metrics/engine';
import type { MetricsSettings } from '../../src/lib/domain/metrics/settings';
import { fakeSla, thresholds, wib } from '../builders/contact-events';

const PROVINCES = [
	'11',
	'12',
	'13',
	'14',
	'15',
	'16',
	'17',
	'18',
	'19',
	'21',
	'31',
	'32',
	'33',
	'34',
	'35',
	'36',
	'51',
	'52',
	'53',
	'61',
	'62',
	'63',
	'64',
	'65',
	'71',
	'72',
	'73',
	'74',
	'75',
	'76',
	'81',
	'82',
	'91',
	'92',
	'93',
	'94',
	'95',
	'96'
];
const ISSUES = Array.from({ length: 10 }, (_, i) => `issue_${i}`);
const QUEUES = ['q0', 'q1', 'q2', 'q3', 'q4'];
const settings: MetricsSettings = {
	defaults: thresholds(),
	queues: Object.fromEntries(
		QUEUES.map((q, i) => [q, { name: q, issueType: ISSUES[i]!, thresholds: thresholds() }])
	),
	provinces: PROVINCES,
	issueTypes: ISSUES
};

let seed = 42;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
const DAY0 = wib('2026-03-25 00:00');
const at = () => DAY0 + Math.floor(rnd() * 86_000_000);

function events(): ContactEvent[] {
	const out: ContactEvent[] = [];
	for (let i = 0; i < 60_000; i++) {
		const t = at();
		const base = { callId: `c${i}`, queue: pick(QUEUES) };
		out.push({ type: 'call.entered', ...base, at: t, province: pick(PROVINCES) });
		const wait = Math.floor(rnd() * 60);
		if (rnd() < 0.8) {
			out.push({
				type: 'call.connected',
				...base,
				at: t + wait * 1000,
				agent: `a${i % 200}`,
				waitSeconds: wait
			});
			out.push({
				type: 'call.completed',
				...base,
				at: t + wait * 1000 + 180_000,
				talkSeconds: 180,
				by: 'agent'
			});
		} else out.push({ type: 'call.abandoned', ...base, at: t + wait * 1000, waitSeconds: wait });
	}
	for (let i = 0; i < 25_000; i++) {
		const t = at();
		const sessionId = `s${i}`;
		out.push({
			type: 'chat.started',
			sessionId,
			at: t,
			bot: true,
			contact: `k${i % 5000}`,
			province: pick(PROVINCES),
			issueType: pick(ISSUES)
		});
		if (rnd() < 0.4) {
			out.push({ type: 'chat.handed_off', sessionId, at: t + 60_000 });
			out.push({
				type: 'chat.agent_replied',
				sessionId,
				at: t + 60_000 + Math.floor(rnd() * 300_000),
				agent: 'a1'
			});
			out.push({ type: 'chat.ended', sessionId, at: t + 900_000, by: 'agent' });
		} else out.push({ type: 'chat.ended', sessionId, at: t + 120_000, by: 'bot' });
	}
	for (let i = 0; i < 15_000; i++) {
		const t = at();
		const caseId = `k${i}`;
		out.push({
			type: 'case.opened',
			caseId,
			at: t,
			province: pick(PROVINCES),
			issueType: pick(ISSUES)
		});
		if (rnd() < 0.7) out.push({ type: 'case.responded', caseId, at: t + 1_800_000 });
		if (rnd() < 0.5) out.push({ type: 'case.resolved', caseId, at: t + 7_200_000 });
	}
	return out.sort((a, b) => a.at - b.at);
}

const list = events();
const engine = new MetricsEngine(settings, { sla: fakeSla(60, 480) });
let t0 = performance.now();
for (const e of list) engine.apply(e);
const applyMs = performance.now() - t0;
const now = wib('2026-03-25 23:59:30');
const time = (label: string, f: () => unknown, n = 20) => {
	f();
	t0 = performance.now();
	for (let i = 0; i < n; i++) f();
	console.log(`${label}: ${((performance.now() - t0) / n).toFixed(2)} ms`);
};
console.log(
	`apply: ${list.length} events, ${((applyMs * 1000) / list.length).toFixed(2)} µs/event`
);
time('wallView national', () => engine.wallView({ province: null, issueType: null }, now));
time('wallView province 61', () => engine.wallView({ province: '61', issueType: null }, now));
time('figures today', () => engine.figures({ from: DAY0, to: now + 1 }, now));
time('figures last 15 min', () => engine.figures({ from: now - 900_000, to: now + 1 }, now));
console.log(`heap used: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
