/**
 * The two languages of Sigap: Bahasa Indonesia first, English as a switch. Numbers use the
 * language's own separators (1.234,5 vs 1,234.5).
 */
import { en } from './en';
import { id, type Dictionary } from './id';

export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type { Dictionary };

const dictionaries: Record<Lang, Dictionary> = { id, en };

/** The dictionary of a language. */
export function t(lang: Lang): Dictionary {
	return dictionaries[lang];
}

const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

const integers = new Map<Lang, Intl.NumberFormat>();
const decimals = new Map<Lang, Intl.NumberFormat>();

function cached(cache: Map<Lang, Intl.NumberFormat>, lang: Lang, digits: number) {
	let format = cache.get(lang);
	if (!format) {
		format = new Intl.NumberFormat(LOCALES[lang], {
			minimumFractionDigits: digits,
			maximumFractionDigits: digits
		});
		cache.set(lang, format);
	}
	return format;
}

/** A count, e.g. `1.234` (id) or `1,234` (en); null shows as a dash. */
export function formatCount(value: number | null, lang: Lang): string {
	return value === null ? '—' : cached(integers, lang, 0).format(value);
}

/** A percentage (0–100) with one decimal, without the sign; null (no denominator) is a dash. */
export function formatPercent(value: number | null, lang: Lang): string {
	return value === null ? '—' : cached(decimals, lang, 1).format(value);
}

/** Seconds as `m:ss` (or `h:mm:ss` from one hour); null is a dash. */
export function formatDuration(seconds: number | null): string {
	if (seconds === null) return '—';
	const total = Math.max(0, Math.round(seconds));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = String(total % 60).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
