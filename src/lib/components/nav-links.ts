/**
 * Links to the pages the layout load says the signed-in user may open (`nav`, from
 * `navPages` over the one access declaration), labelled in the page's language.
 */
import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';
import type { Lang } from '$lib/i18n';
import { tc, type CasesDictionary } from '$lib/i18n/cases';
import type { NavPage } from '$lib/domain/access/nav';

const LABELS: Record<NavPage, keyof Omit<CasesDictionary['nav'], 'label'>> = {
	'/cases': 'queue',
	'/cases/new': 'newCase',
	'/wall': 'wall',
	'/notifications': 'notifications',
	'/trends': 'trends',
	'/admin/calendars': 'calendars',
	'/admin/sla': 'sla',
	'/admin/teams': 'teams',
	'/admin/users': 'users',
	'/admin/keys': 'keys',
	'/admin/sources': 'sources',
	'/admin/audit': 'audit',
	'/account': 'account'
};

export interface NavLink {
	route: NavPage;
	href: ResolvedPathname;
	label: string;
}

/** The links, in declaration order; `pages` null or absent (nobody signed in) gives none. */
export function navLinks(pages: readonly NavPage[] | null | undefined, lang: Lang): NavLink[] {
	const dict = tc(lang).nav;
	const q = lang === 'en' ? '?lang=en' : '';
	// None of these routes has parameters: resolve only adds the base path (its typed
	// overloads do not take a union of routes).
	return (pages ?? []).map((route) => ({
		route,
		href: `${resolve(route as '/cases')}${q}` as ResolvedPathname,
		label: dict[LABELS[route]]
	}));
}
