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

const formats = new Map<string, Intl.NumberFormat>();

/** The language's number format with exactly `digits` decimals (made once, then reused). */
function numberFormat(lang: Lang, digits: number): Intl.NumberFormat {
	const key = `${lang}/${digits}`;
	let format = formats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(LOCALES[lang], {
			minimumFractionDigits: digits,
			maximumFractionDigits: digits
		});
		formats.set(key, format);
	}
	return format;
}

/** A count, e.g. `1.234` (id) or `1,234` (en); null shows as a dash. */
export function formatCount(value: number | null, lang: Lang): string {
	return value === null ? '—' : numberFormat(lang, 0).format(value);
}

/** A number with `digits` decimals in the language's separators (`6,4` / `6.4`); null: a dash. */
export function formatDecimal(value: number | null, lang: Lang, digits = 1): string {
	return value === null ? '—' : numberFormat(lang, digits).format(value);
}

/** A percentage (0–100) with one decimal, without the sign; null (no denominator) is a dash. */
export function formatPercent(value: number | null, lang: Lang): string {
	return formatDecimal(value, lang);
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
