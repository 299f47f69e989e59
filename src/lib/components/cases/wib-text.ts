/**
 * Instants on the cases pages as WIB wall time with the weekday (a due time on "Sen" reads
 * at a glance as after the weekend): `Sen 2026-03-09 09:00:00`. sla.md: show in WIB.
 */
import { wibClock, wibDate } from '$domain/time/wib';
import type { Lang } from '$lib/i18n';

const WEEKDAYS: Record<Lang, readonly string[]> = {
	id: ['Min', 'Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab'],
	en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
};

/** An ISO instant (any offset) as WIB text; a dash for null or an unreadable value. */
export function wibText(iso: string | null, lang: Lang): string {
	if (iso === null) return '—';
	const t = Date.parse(iso);
	if (Number.isNaN(t)) return '—';
	const date = wibDate(t);
	const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
	return `${WEEKDAYS[lang][weekday]} ${date} ${wibClock(t)}`;
}
