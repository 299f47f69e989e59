/** Display names for codes on the cases pages: provinces and issue types from the reference. */
import type { Reference } from '$contracts/reference';
import type { SlaStateName } from '$contracts/cases';
import type { Lang } from '$lib/i18n';

/** `Kalimantan Barat`, or the code itself when the reference does not know it. */
export function provinceName(reference: Reference, code: string): string {
	return reference.provinces.find((p) => p.code === code)?.name ?? code;
}

/** The issue type's label in the language, or its code. */
export function issueTypeName(reference: Reference, code: string, lang: Lang): string {
	const ref = reference.issueTypes.find((it) => it.code === code);
	if (!ref) return code;
	return lang === 'en' ? ref.labelEn : ref.labelId;
}

/** SLA states are never shown by colour alone (as on the wall): each has a symbol. */
export const SLA_SYMBOL: Record<SlaStateName, string> = {
	breached: '✕',
	at_risk: '▲',
	on_track: '●',
	met: '✓',
	met_late: '✓'
};
