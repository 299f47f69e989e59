/**
 * Server problems in the reader's language. The API answers in English, its contract (stable
 * for scripts and logs); a page shows the same problem in Bahasa Indonesia through this
 * catalog, keyed like gettext by the English text, with the parts that vary (codes, numbers,
 * names, instants) carried over. A message the catalog does not know is shown as it came,
 * never hidden: an English sentence beats a blank.
 */
import type { Lang } from '../index';
import { CATALOG } from './catalog';

/** Services prefix the field (`receivedAt: … is in the future`). */
const FIELD_PREFIX = /^[\w.[\]]+: (?=.)/;

function known(message: string): string | null {
	for (const [pattern, say] of CATALOG) {
		const m = pattern.exec(message);
		// A part captured across `; ` is a list the pattern swallowed: its problems go one by one.
		if (m && (pattern.source.includes(';') || !m.slice(1).some((g) => g?.includes('; '))))
			return say(m);
	}
	return null;
}

/**
 * Where the message is shown: beside its field (the prefix would repeat the label), or as one
 * line for the page, where the prefix is what names the field.
 */
export type ProblemPlace = 'field' | 'page';

/** One problem in Indonesian, or null when the catalog does not know it. */
function one(problem: string, place: ProblemPlace): string | null {
	const prefix = FIELD_PREFIX.exec(problem)?.[0] ?? '';
	const bare = prefix ? known(problem.slice(prefix.length)) : null;
	if (bare !== null) return place === 'page' ? `${prefix}${bare}` : bare;
	return known(problem);
}

/**
 * `message` for a reader of `lang`: as it came for English; for Bahasa Indonesia the catalog's
 * sentence for the whole message, else for each problem of a `; `-joined list (one the
 * catalog does not know stays as it came).
 */
export function problemText(message: string, lang: Lang, place: ProblemPlace = 'field'): string {
	if (lang === 'en') return message;
	const whole = one(message, place);
	if (whole !== null) return whole;
	return message
		.split('; ')
		.map((part) => one(part, place) ?? part)
		.join(' ');
}

/** Whether the catalog knows `message`, every problem of it (tests hold each producer to it). */
export function hasIndonesian(message: string): boolean {
	return one(message, 'field') !== null || message.split('; ').every((p) => one(p, 'field'));
}

/**
 * A problem shown away from its field (a row form's one line), led by the field's label.
 * A message that names its field already (`id: …`) keeps that in English.
 */
export function labelledProblem(message: string, lang: Lang, label: string | undefined): string {
	const named = FIELD_PREFIX.test(message);
	if (!label) return problemText(message, lang, 'page');
	if (lang === 'en' && named) return message;
	return `${label}: ${problemText(message, lang)}`;
}

/** Several problems as one line: `a; b` as the API lists them, or Indonesian sentences. */
export function problemsText(messages: readonly string[], lang: Lang): string {
	return messages.map((m) => problemText(m, lang)).join(lang === 'en' ? '; ' : ' ');
}
