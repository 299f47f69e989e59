/**
 * The `CaseSlaEvaluator` the metrics engine uses (sla.md §Policies, §States): matches a case's
 * policy, finds its calendar and evaluates both targets. Configuration is checked once, when
 * the evaluator is made, so a bad policy fails at load time with every problem listed.
 */
import { businessMinutes, type BusinessCalendar } from '../calendar/business-calendar';
import { compileCalendar } from '../calendar/compile';
import { evaluateCase } from './evaluate';
import { matchPolicy, policyProblems, type PolicyKey, type SlaPolicy } from './policy';
import type { CaseSlaEvaluator } from './types';

export interface SlaConfig {
	/** The policies new cases are matched against. */
	policies: readonly SlaPolicy[];
	calendars: readonly BusinessCalendar[];
	/**
	 * Superseded policy revisions: never matched, but a case that names one (`policyId`, fixed
	 * at its creation) keeps it — a policy change applies to new cases (issue 3).
	 */
	retired?: readonly SlaPolicy[];
}

export interface SlaEvaluator extends CaseSlaEvaluator {
	/**
	 * The policy that governs a case: the one it names (`policyId`) when known, else the best
	 * match (for display: which target applies and why).
	 */
	policyFor(key: PolicyKey & { policyId?: string }): SlaPolicy;
	calendarOf(policy: SlaPolicy): BusinessCalendar;
}

export class SlaConfigError extends Error {
	constructor(readonly problems: string[]) {
		super(`Invalid SLA configuration: ${problems.join('; ')}`);
		this.name = 'SlaConfigError';
	}
}

/**
 * Builds the evaluator. `businessMinutes` (case age) uses the default policy's calendar, since
 * the interface gives no case to match. Throws `SlaConfigError` listing every problem: no
 * default policy, duplicate ids, an unknown calendar, invalid targets or calendars.
 */
export function createSlaEvaluator(config: SlaConfig): SlaEvaluator {
	const calendars = indexCalendars(config.calendars);
	const all = [...config.policies, ...(config.retired ?? [])];
	const problems = all.flatMap(policyProblems);
	const seen = new Set<string>();
	for (const p of all) {
		if (seen.has(p.id)) problems.push(`policy id "${p.id}" is used twice`);
		seen.add(p.id);
		if (!calendars.has(p.calendarId)) {
			problems.push(`policy "${p.id}" names unknown calendar "${p.calendarId}"`);
		}
	}
	// Several defaults: the smallest id, as matchPolicy breaks ties.
	const fallback = config.policies
		.filter((p) => p.issueType === null && p.priority === null && p.channel === null)
		.sort((a, b) => (a.id < b.id ? -1 : 1))[0];
	if (!fallback) problems.push('no default policy (issueType, priority and channel all null)');
	for (const cal of calendars.values()) {
		try {
			compileCalendar(cal);
		} catch (e) {
			problems.push((e as Error).message);
		}
	}
	if (problems.length > 0 || !fallback) throw new SlaConfigError(problems);

	const byId = new Map(all.map((p) => [p.id, p]));
	const calendarOf = (p: SlaPolicy) => calendars.get(p.calendarId)!;
	const policyFor = (key: PolicyKey & { policyId?: string }) =>
		(key.policyId !== undefined ? byId.get(key.policyId) : undefined) ??
		matchPolicy(config.policies, key);
	const ageCalendar = calendarOf(fallback);
	return {
		policyFor,
		calendarOf,
		evaluate(input, now) {
			const policy = policyFor(input);
			return evaluateCase(input, policy, calendarOf(policy), now);
		},
		businessMinutes: (from, to) => businessMinutes(ageCalendar, from, to)
	};
}

function indexCalendars(list: readonly BusinessCalendar[]): Map<string, BusinessCalendar> {
	const byId = new Map<string, BusinessCalendar>();
	for (const cal of list) {
		if (byId.has(cal.id)) throw new SlaConfigError([`calendar id "${cal.id}" is used twice`]);
		byId.set(cal.id, cal);
	}
	return byId;
}
