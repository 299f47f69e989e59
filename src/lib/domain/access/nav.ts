/**
 * The pages a signed-in user is offered links to (home page, shared header): each shown only
 * when the one access declaration (rules.ts) lets the principal open it, so a link never
 * leads to a 403 and no second list of roles exists.
 */
import { decideRoute } from './can';
import type { Principal } from './principal';

/** Every page the navigation can link to, in display order. */
export const NAV_PAGES = [
	'/cases',
	'/cases/new',
	'/wall',
	'/notifications',
	'/trends',
	'/admin/calendars',
	'/admin/sla',
	'/admin/teams',
	'/admin/users',
	'/admin/keys',
	'/admin/sources',
	'/admin/audit',
	'/account'
] as const;
export type NavPage = (typeof NAV_PAGES)[number];

/** The pages this principal may open (GET passes the gate); none for nobody or a display. */
export function navPages(p: Principal | null): NavPage[] {
	if (p?.kind !== 'user') return [];
	return NAV_PAGES.filter((route) => decideRoute(p, route, 'GET').ok);
}

/**
 * Which of a page's form actions the principal's role may use (the forms shown; the same rule
 * the gate applies, so a form never leads to a 403 for the role).
 */
export function mayActions<K extends string>(
	p: Principal | null,
	routeId: string,
	actions: readonly K[]
): Record<K, boolean> {
	const may = {} as Record<K, boolean>;
	for (const action of actions) {
		may[action] = p?.kind === 'user' && decideRoute(p, routeId, `action:${action}`).ok;
	}
	return may;
}
