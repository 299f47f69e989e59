/**
 * SLA policies and their matching (sla.md §Policies): a policy matches cases by issue type,
 * priority and channel, the most specific match wins, and a default policy always exists.
 */
import type { CaseClockInput } from './types';

export type CasePriority = CaseClockInput['priority'];
export type CaseChannel = CaseClockInput['channel'];

export const DEFAULT_AT_RISK_PERCENT = 80;

export interface SlaPolicy {
	id: string;
	name: string;
	/** null = any issue type. */
	issueType: string | null;
	priority: CasePriority | null;
	channel: CaseChannel | null;
	/** Business minutes to the first reply by a person. */
	firstResponseMinutes: number;
	/** Business minutes to `resolved`/`closed`, not counting pauses. */
	resolutionMinutes: number;
	/** At risk from this share of the target, in percent (0 < p ≤ 100); default 80. */
	atRiskPercent?: number;
	calendarId: string;
}

export type PolicyKey = Pick<CaseClockInput, 'issueType' | 'priority' | 'channel'>;

/**
 * The policy for a case (sla.md §Policies). Among the policies whose non-null fields all equal
 * the case's, the one with the most non-null fields wins. Ties are broken by which field is
 * set, issue type before priority before channel (an issue-type rule is the business's most
 * deliberate choice), then by the smallest `id`, so the answer never depends on list order.
 * Throws when the list has no default policy (all three fields null).
 */
export function matchPolicy(policies: readonly SlaPolicy[], key: PolicyKey): SlaPolicy {
	let best: SlaPolicy | null = null;
	let bestRank = -1;
	let hasDefault = false;
	for (const p of policies) {
		const rank = specificity(p);
		if (rank === 0) hasDefault = true;
		if (!matches(p, key)) continue;
		if (rank > bestRank || (rank === bestRank && best !== null && p.id < best.id)) {
			best = p;
			bestRank = rank;
		}
	}
	if (!hasDefault || best === null) {
		throw new Error(
			'SLA policies lack a default policy (issueType, priority and channel all null); ' +
				'every case must match one'
		);
	}
	return best;
}

function matches(p: SlaPolicy, key: PolicyKey): boolean {
	return (
		(p.issueType === null || p.issueType === key.issueType) &&
		(p.priority === null || p.priority === key.priority) &&
		(p.channel === null || p.channel === key.channel)
	);
}

/** Field count first (×8 outweighs any field mix), then issue type 4, priority 2, channel 1. */
function specificity(p: SlaPolicy): number {
	const issue = p.issueType !== null ? 1 : 0;
	const priority = p.priority !== null ? 1 : 0;
	const channel = p.channel !== null ? 1 : 0;
	return (issue + priority + channel) * 8 + issue * 4 + priority * 2 + channel;
}

/** Problems that make a policy unusable (empty when valid), for clear errors at load time. */
export function policyProblems(p: SlaPolicy): string[] {
	const problems: string[] = [];
	for (const field of ['firstResponseMinutes', 'resolutionMinutes'] as const) {
		if (!Number.isFinite(p[field]) || p[field] <= 0) {
			problems.push(`policy "${p.id}": ${field} must be a positive number, got ${p[field]}`);
		}
	}
	const pct = atRiskPercentOf(p);
	if (!Number.isFinite(pct) || pct <= 0 || pct > 100) {
		problems.push(`policy "${p.id}": atRiskPercent must be in (0, 100], got ${pct}`);
	}
	return problems;
}

export function atRiskPercentOf(p: SlaPolicy): number {
	return p.atRiskPercent ?? DEFAULT_AT_RISK_PERCENT;
}
