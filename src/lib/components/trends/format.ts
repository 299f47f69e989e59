/** Numbers of the trend pages in the reader's language: counts, %, seconds, per 100 villages. */
import { formatCount, formatPercent, type Lang } from '../../i18n';
import { measureKind, type Measure } from '../../domain/trends/measures';

const twoDecimals = new Map<Lang, Intl.NumberFormat>();

/** A value of a measure; null is a dash. */
export function formatMeasure(
	value: number | null,
	m: Measure,
	lang: Lang,
	perVillages = false
): string {
	if (value === null) return '—';
	if (perVillages) {
		let f = twoDecimals.get(lang);
		if (!f) {
			f = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
				minimumFractionDigits: 2,
				maximumFractionDigits: 2
			});
			twoDecimals.set(lang, f);
		}
		return f.format(value);
	}
	const kind = measureKind(m);
	if (kind === 'count') return formatCount(value, lang);
	if (kind === 'percent') return `${formatPercent(value, lang)} %`;
	return `${formatPercent(value, lang)} ${lang === 'en' ? 's' : 'dtk'}`;
}

/** A signed change with its percentage, e.g. `+12 (+8,5 %)`; a dash without a comparison. */
export function formatChange(current: number | null, previous: number | null, lang: Lang): string {
	if (current === null || previous === null) return '—';
	const d = Math.round((current - previous) * 100) / 100;
	const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
	const abs = formatCount(Math.abs(d), lang);
	if (previous === 0) return `${sign}${abs}`;
	const pct = Math.round(((current - previous) / previous) * 1000) / 10;
	return `${sign}${abs} (${sign}${formatPercent(Math.abs(pct), lang)} %)`;
}
