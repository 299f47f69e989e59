/**
 * A history entry in words (issue 3: "who, when, from, to, why"): status and SLA state codes
 * become the language's labels, an SLA entry says which target changed, and a case made from
 * a call or chat says which (issue 3 §1: the link is on the record).
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
	const source = entry.kind === 'created' ? contactOf(entry.payload?.sourceContact) : null;
	const channels: Record<string, string> = dict.channels;
	const detail =
		typeof target === 'string'
			? (targets[target] ?? target)
			: source
				? `${dict.casePage.fromContact} ${channels[source.channel] ?? source.channel} ${source.id}`
				: null;
	return {
		kind: detail ? `${kind} · ${detail}` : kind,
		from: word(entry.from),
		to: word(entry.to)
	};
}

/** The `sourceContact` a created entry's payload carries, if it is one. */
function contactOf(value: unknown): { channel: string; id: string } | null {
	const v = value as { channel?: unknown; id?: unknown } | null | undefined;
	return typeof v?.channel === 'string' && typeof v.id === 'string'
		? { channel: v.channel, id: v.id }
		: null;
}
