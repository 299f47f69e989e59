/**
 * The values offered by each queue filter, with their counts (issue 3 §6: counts per filter).
 * A value with no matching case is left out unless it is the one selected, so 38 provinces do
 * not bury the few that have work; teams and channels are few and always listed.
 */
import type { AgentView, CaseListResult, TeamView } from '$contracts/cases';
import type { Reference } from '$contracts/reference';
import type { Lang } from '$lib/i18n';
import { tc } from '$lib/i18n/cases';
import type { CaseFilters, FilterKey } from '$lib/live/cases-query';
import { issueTypeName } from './labels';

export interface FilterOption {
	value: string;
	label: string;
	count: number;
}

export interface FilterContext {
	reference: Reference;
	agents: AgentView[];
	teams: TeamView[];
	counts: CaseListResult['counts'];
	filters: CaseFilters;
	lang: Lang;
}

const OPEN_STATES = ['breached', 'at_risk', 'on_track'] as const;
const CHANNELS = ['call', 'chat', 'ticket'] as const;

function candidates(key: FilterKey, ctx: FilterContext): { value: string; label: string }[] {
	const dict = tc(ctx.lang);
	switch (key) {
		case 'province':
			return [
				...ctx.reference.provinces.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` })),
				{ value: 'unknown', label: dict.unknownProvince }
			];
		case 'issueType':
			return ctx.reference.issueTypes.map((it) => ({
				value: it.code,
				label: issueTypeName(ctx.reference, it.code, ctx.lang)
			}));
		case 'team':
			return ctx.teams.map((team) => ({ value: team.id, label: team.name }));
		case 'assignee':
			return [
				{ value: 'none', label: dict.unassigned },
				...[...ctx.agents]
					.sort((a, b) => a.name.localeCompare(b.name))
					.map((agent) => ({ value: agent.id, label: agent.name }))
			];
		case 'state':
			return OPEN_STATES.map((state) => ({ value: state, label: dict.states[state] }));
		case 'channel':
			return CHANNELS.map((channel) => ({ value: channel, label: dict.channels[channel] }));
	}
}

const ALWAYS: Record<FilterKey, boolean> = {
	province: false,
	issueType: false,
	team: true,
	assignee: false,
	state: true,
	channel: true
};

/** The options of one filter: known values, then any counted value the reference lacks. */
export function filterOptions(key: FilterKey, ctx: FilterContext): FilterOption[] {
	const counts = ctx.counts[key] ?? {};
	const selected = ctx.filters[key];
	const known = candidates(key, ctx);
	const knownValues = new Set(known.map((o) => o.value));
	const extra = Object.keys(counts)
		.filter((value) => !knownValues.has(value))
		.map((value) => ({ value, label: value }));
	if (selected && !knownValues.has(selected) && !(selected in counts)) {
		extra.push({ value: selected, label: selected });
	}
	return [...known, ...extra]
		.map((o) => ({ ...o, count: counts[o.value] ?? 0 }))
		.filter((o) => ALWAYS[key] || o.count > 0 || o.value === selected);
}
