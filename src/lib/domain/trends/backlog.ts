/**
 * Backlog age buckets (issue 6 §Trend pages): the open cases now, by business age
 * (metrics.md §Tickets "age": business minutes on the SLA calendar). Read from the live
 * engine's open set — the same cases the wall counts as backlog.
 */
import { matchesFilter } from '../metrics/dims';
import type { MetricsEngine } from '../metrics/engine';
import type { MetricsFilter } from '../metrics/figures';
import { ageMinutes, scanLive } from '../metrics/live';

/** A business day of the standard calendar: 07:30–16:30 (sla.md). */
export const BUSINESS_DAY_MINUTES = 540;

/** Bucket lower bounds in business days: [0,1), [1,3), [3,5), [5,10), [10,∞). */
export const AGE_BUCKETS = [0, 1, 3, 5, 10] as const;

export interface OpenCaseAge {
	caseId: string;
	province: string;
	issueType: string;
	ageMinutes: number;
	risk: 'ok' | 'at_risk' | 'breached';
}

/** The open cases at `now` within the filter, with their business age. */
export function openCaseAges(
	engine: MetricsEngine,
	filter: MetricsFilter,
	now: number
): OpenCaseAge[] {
	const out: OpenCaseAge[] = [];
	scanLive(engine.open, engine.context, now, {
		callWaiting: () => {},
		chatWaiting: () => {},
		openCase: (d, c, risk) => {
			if (!matchesFilter(d, filter)) return;
			out.push({
				caseId: c.id,
				province: d.province,
				issueType: d.issueType,
				ageMinutes: ageMinutes(c, engine.context, now),
				risk
			});
		}
	});
	return out;
}

/** Index of the bucket an age (business minutes) falls in. */
export function ageBucket(minutes: number): number {
	const days = minutes / BUSINESS_DAY_MINUTES;
	let i = 0;
	while (i + 1 < AGE_BUCKETS.length && days >= AGE_BUCKETS[i + 1]!) i++;
	return i;
}

/** Counts per bucket (and how many of them are breached). */
export function ageBuckets(cases: readonly OpenCaseAge[]): { total: number; breached: number }[] {
	const out = AGE_BUCKETS.map(() => ({ total: 0, breached: 0 }));
	for (const c of cases) {
		const b = out[ageBucket(c.ageMinutes)]!;
		b.total++;
		if (c.risk === 'breached') b.breached++;
	}
	return out;
}
