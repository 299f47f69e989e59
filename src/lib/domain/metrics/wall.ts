/**
 * The wall's view model (wall-view.ts) for one scope at `now`: today's figures in the scope,
 * the province grid (every province, then `unknown`, within the scope's issue type), the
 * issue-type rows (every issue type, then `unknown`, within the scope's province) and the
 * 60 one-minute points ending with the minute containing `now`. One pass over today's cells.
 */
import { UNKNOWN } from '../events';
import { MINUTE_MS, startOfMinute, startOfWibDay } from '../time/wib';
import { countAgents } from './agent-counts';
import { composeFigures, contactsIn } from './compose';
import { TOTAL_QUEUE, type Dims } from './dims';
import type { MetricsEngine } from './engine';
import { F, Tally } from './fields';
import { cellHealth } from './health';
import { LiveTally, scanLive } from './live';
import { percent } from './stats';
import type { IssueTypeRow, MinutePoint, ProvinceCell, WallScope, WallView } from './wall-view';

interface Slot {
	tally: Tally;
	live: LiveTally;
}

const slot = (keepValues: boolean): Slot => ({
	tally: new Tally(keepValues),
	live: new LiveTally()
});

function slots(codes: string[]): Map<string, Slot> {
	return new Map([...codes, UNKNOWN].map((code) => [code, slot(false)]));
}

/** MetricsEngine.wallView: see the file comment for what each section holds. */
export function buildWallView(engine: MetricsEngine, scope: WallScope, now: number): WallView {
	const { settings } = engine.context;
	const today = slot(true);
	const byProvince = slots(settings.provinces);
	const byIssue = slots(settings.issueTypes);
	const inProvince = (d: Dims) => !scope.province || d.province === scope.province;
	const inIssue = (d: Dims) => !scope.issueType || d.issueType === scope.issueType;
	const inScope = (d: Dims) => d.queue === TOTAL_QUEUE && inProvince(d) && inIssue(d);
	const routes = new Map<Dims, Slot[]>();
	/** The slots a cell of these dims adds to (memoised: dims are interned). */
	const route = (d: Dims): Slot[] => {
		let out = routes.get(d);
		if (!out) routes.set(d, (out = slotsOf(d)));
		return out;
	};
	const slotsOf = (d: Dims): Slot[] => {
		if (d.queue !== TOTAL_QUEUE) return [];
		const out: Slot[] = [];
		if (inProvince(d) && inIssue(d)) out.push(today);
		const p = inIssue(d) ? byProvince.get(d.province) : undefined;
		const i = inProvince(d) ? byIssue.get(d.issueType) : undefined;
		if (p) out.push(p);
		if (i) out.push(i);
		return out;
	};
	const dayStart = startOfWibDay(now);
	engine.rollup.visit(dayStart, now + 1, {
		cell: (d, cell, sign) => route(d).forEach((s) => s.tally.addCell(cell, sign)),
		one: (d, field, value) => route(d).forEach((s) => s.tally.addOne(field, value))
	});
	scanLive(engine.open, engine.context, now, {
		callWaiting: (d, since) => route(d).forEach((s) => s.live.callWaiting(since)),
		chatWaiting: (d, since) => route(d).forEach((s) => s.live.chatWaiting(since)),
		openCase: (d, c, risk) => route(d).forEach((s) => s.live.openCase(c, risk, s === today))
	});
	const filter = { province: scope.province ?? undefined, issueType: scope.issueType ?? undefined };
	const agents = countAgents(engine.agents, engine.agentCalls, filter, settings, now);
	const goal = settings.defaults.serviceLevelGoal;
	return {
		scope: { province: scope.province, issueType: scope.issueType },
		today: composeFigures(today.tally, today.live, agents, engine.agesOf(today.live, now), now),
		provinces: [...byProvince].map(([code, s]) => provinceCell(code, s, goal)),
		issueTypes: [...byIssue].map(([code, s]) => issueTypeRow(code, s)),
		series: series(engine, inScope, now),
		thresholds: { ...settings.defaults }
	};
}

function provinceCell(code: string, { tally, live }: Slot, goal: number): ProvinceCell {
	const n = tally.n;
	const offered = n[F.answered]! + n[F.abandoned]! + n[F.shortAbandons]! + n[F.exited]!;
	const measured = offered - n[F.shortAbandons]!;
	const cell = {
		code,
		callsWaiting: live.callsWaiting,
		chatsWaiting: live.chatsWaiting,
		contactsToday: contactsIn(tally),
		serviceLevel: percent(n[F.answeredWithinThreshold]!, measured),
		abandonRate: percent(n[F.abandoned]!, measured),
		backlog: live.backlog,
		atRisk: live.atRisk,
		breached: live.breached
	};
	const waiting = live.callsWaiting + live.chatsWaiting;
	return { ...cell, health: cellHealth({ ...cell, waiting }, goal) };
}

function issueTypeRow(code: string, { tally, live }: Slot): IssueTypeRow {
	return {
		code,
		contactsToday: contactsIn(tally),
		callsWaiting: live.callsWaiting,
		chatsWaiting: live.chatsWaiting,
		backlog: live.backlog,
		breached: live.breached
	};
}

function series(engine: MetricsEngine, inScope: (d: Dims) => boolean, now: number): MinutePoint[] {
	const points: MinutePoint[] = [];
	const last = startOfMinute(now);
	for (let minute = last - 59 * MINUTE_MS; minute <= last; minute += MINUTE_MS) {
		const t = new Tally(false);
		engine.rollup.visitMinute(minute, {
			cell: (d, cell, sign) => inScope(d) && t.addCell(cell, sign),
			one: () => undefined
		});
		points.push(pointOf(minute, t));
	}
	return points;
}

function pointOf(minute: number, { n }: Tally): MinutePoint {
	return {
		minute,
		callsOffered: n[F.answered]! + n[F.abandoned]! + n[F.shortAbandons]! + n[F.exited]!,
		callsAnswered: n[F.answered]!,
		callsAbandoned: n[F.abandoned]!,
		chatsStarted: n[F.sessions]!,
		casesOpened: n[F.casesOpened]!
	};
}
