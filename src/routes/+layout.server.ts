/**
 * For every page: the signed-in user's unread notification count, the number on the header's
 * bell (issue 3 §Alerts). Null for nobody, wall displays and roles without the notifications
 * page, so no bell is drawn for them. `nav`: the pages the user may open (home page and
 * header links), decided by the access declaration.
 */
import { container } from '$lib/server/runtime';
import { unreadNotifications } from '$lib/server/services/cases';
import { NOTIFICATIONS_PAGE } from '$lib/server/realtime/notifications-socket';
import { decideRoute } from '$lib/domain/access/can';
import { navPages } from '$lib/domain/access/nav';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	// Read so the count is fresh after every navigation, not only at the first page load.
	void url.pathname;
	const p = locals.principal;
	const nav = navPages(p);
	const signedInAs = p?.kind === 'user' ? p.email : null;
	if (p?.kind !== 'user' || !decideRoute(p, NOTIFICATIONS_PAGE, 'GET').ok) {
		return { inbox: null, nav, signedInAs };
	}
	// A user not linked to an agent receives nothing (notifications go to a team's lead agent).
	const unread = p.agentId ? await unreadNotifications(await container(), p.agentId) : 0;
	return { inbox: { unread }, nav, signedInAs };
};
