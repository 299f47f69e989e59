/**
 * The work queue's URL is its filter (issue 3 §6: every aggregate on the wall drills down to
 * `/cases?…`): `/cases?province=61&state=breached&lang=en`. Parsing, building and matching a
 * row against the filters live here together, so the URL, the server query and the live
 * updates agree on what "in this list" means.
 */
import type {
	CaseChannel,
	CaseListQuery,
	CaseRow,
	CaseStatus,
	SlaStateName
} from '$contracts/cases';
import { LANGS, type Lang } from '$lib/i18n';

// Type-checked copies of the contract's lists (a Record must name every member): importing the
// values would pull zod into the wall's browser bundle, which links here.
const STATES: Record<SlaStateName, true> = {
	on_track: true,
	at_risk: true,
	breached: true,
	met: true,
	met_late: true
};
const CHANNELS: Record<CaseChannel, true> = { call: true, chat: true, ticket: true };
const OPEN: Record<CaseStatus, boolean> = {
	new: true,
	assigned: true,
	in_progress: true,
	waiting_on_reporter: true,
	resolved: false,
	closed: false
};
const SLA_STATES = Object.keys(STATES);
const CASE_CHANNELS = Object.keys(CHANNELS);

export const FILTER_KEYS = [
	'province',
	'issueType',
	'team',
	'assignee',
	'state',
	'channel'
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
/** null = not filtered. `assignee: 'none'` = unassigned cases. */
export type CaseFilters = Record<FilterKey, string | null>;

export const NO_FILTERS: CaseFilters = {
	province: null,
	issueType: null,
	team: null,
	assignee: null,
	state: null,
	channel: null
};

export type CasesQueryResult =
	{ ok: true; filters: CaseFilters; lang: Lang } | { ok: false; message: string };

const SHAPES: Record<FilterKey, { test: (v: string) => boolean; expected: string }> = {
	province: {
		test: (v) => /^(\d{2}|unknown)$/.test(v),
		expected: 'a two-digit BPS code such as 61'
	},
	issueType: { test: (v) => /^[a-z0-9_]{1,40}$/.test(v), expected: 'an issue-type code' },
	team: { test: (v) => /^[A-Za-z0-9_.-]{1,100}$/.test(v), expected: 'a team id' },
	assignee: { test: (v) => /^[A-Za-z0-9_.-]{1,100}$/.test(v), expected: 'an agent id or "none"' },
	state: {
		test: (v) => SLA_STATES.includes(v),
		expected: `one of ${SLA_STATES.join(', ')}`
	},
	channel: {
		test: (v) => CASE_CHANNELS.includes(v),
		expected: `one of ${CASE_CHANNELS.join(', ')}`
	}
};

/** Reads the filters and language; a malformed value gets a message naming the parameter. */
export function parseCasesQuery(params: URLSearchParams): CasesQueryResult {
	const filters: CaseFilters = { ...NO_FILTERS };
	for (const key of FILTER_KEYS) {
		const value = params.get(key)?.trim();
		if (!value) continue;
		if (!SHAPES[key].test(value)) {
			return { ok: false, message: `${key} "${value}" must be ${SHAPES[key].expected}` };
		}
		filters[key] = value;
	}
	const lang = params.get('lang')?.trim() || 'id';
	if (!(LANGS as readonly string[]).includes(lang)) {
		return { ok: false, message: `lang "${lang}" must be one of: ${LANGS.join(', ')}` };
	}
	return { ok: true, filters, lang: lang as Lang };
}

/** The queue URL for filters and language; unset filters and `lang=id` are left out. */
export function casesHref(
	filters: Partial<CaseFilters>,
	lang: Lang
): '/cases' | `/cases?${string}` {
	const params = new URLSearchParams();
	for (const key of FILTER_KEYS) {
		const value = filters[key];
		if (value) params.set(key, value);
	}
	if (lang !== 'id') params.set('lang', lang);
	const query = params.toString();
	return query ? `/cases?${query}` : '/cases';
}

/** The same filters with one value set (or cleared with null). */
export function withFilter(
	filters: CaseFilters,
	key: FilterKey,
	value: string | null
): CaseFilters {
	return { ...filters, [key]: value };
}

/** The filters as the list query of the service and of `cases:subscribe` (open cases). */
export function listQueryOf(filters: CaseFilters, limit = 500): CaseListQuery {
	const query: CaseListQuery = { status: 'open', sort: 'timeLeft', limit };
	for (const key of FILTER_KEYS) {
		const value = filters[key];
		if (value) Object.assign(query, { [key]: value });
	}
	return query;
}

/** Whether a (live-updated) row belongs in the queue under these filters. */
export function rowMatches(row: CaseRow, filters: CaseFilters): boolean {
	if (!OPEN[row.status]) return false;
	const actual: Record<FilterKey, string | null> = {
		province: row.provinceCode,
		issueType: row.issueType,
		team: row.team?.id ?? null,
		assignee: row.assignee?.id ?? 'none',
		state: row.state,
		channel: row.channel
	};
	return FILTER_KEYS.every((key) => filters[key] === null || filters[key] === actual[key]);
}

/** True when no filter is set. */
export function isUnfiltered(filters: CaseFilters): boolean {
	return FILTER_KEYS.every((key) => filters[key] === null);
}

/**
 * A drill-down from a wall aggregate: the wall's own scope (province, issue type) plus the
 * aggregate's filter, e.g. the breached tile of the Kalimantan Barat wall →
 * `/cases?province=61&state=breached`.
 */
export function drillDownHref(
	scope: { province: string | null; issueType: string | null },
	extra: Partial<CaseFilters>,
	lang: Lang
): ReturnType<typeof casesHref> {
	return casesHref({ province: scope.province, issueType: scope.issueType, ...extra }, lang);
}
