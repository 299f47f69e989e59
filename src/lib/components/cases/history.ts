/**
 * A history entry in words (issue 3: "who, when, from, to, why"): status and SLA state codes
 * become the language's labels, and an SLA entry says which target changed.
 */
import type { CaseHistoryEntry } from '$contracts/cases';
import type { Lang } from '$lib/i18n';
import { tc } from '$lib/i18n/cases';

export interface HistoryLine {
	kind: string;
	from: string;
	to: string;
}

/** The kind, from and to of an entry as shown; unknown codes are shown as they are. */
export function historyLine(entry: CaseHistoryEntry, lang: Lang): HistoryLine {
	const dict = tc(lang);
	const kinds: Record<string, string> = dict.casePage.kinds;
	const labels: Record<string, string> =
		entry.kind === 'sla'
			? dict.states
			: entry.kind === 'status' || entry.kind === 'created'
				? dict.statuses
				: {};
	const word = (code: string | null) => (code === null ? '—' : (labels[code] ?? code));
	const target = entry.kind === 'sla' ? entry.payload?.target : undefined;
	const targets: Record<string, string> = dict.casePage.targets;
	const kind = kinds[entry.kind] ?? entry.kind;
	return {
		kind: typeof target === 'string' ? `${kind} · ${targets[target] ?? target}` : kind,
		from: word(entry.from),
		to: word(entry.to)
	};
}
