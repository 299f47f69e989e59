/**
 * `/notifications?lang=en`: the signed-in team lead's notifications (issue 3 §Alerts), newest
 * first, from the same services as `GET /api/v1/notifications`; "mark as read" is a form action
 * (works without JavaScript) over the same service as `POST /api/v1/notifications/:id/read`,
 * limited to the user's own notifications.
 */
import { fail } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { guardPage, userOf } from '$lib/server/http/actor';
import {
	CaseServiceError,
	listNotifications,
	markNotificationRead
} from '$lib/server/services/cases';
import { langOf } from '$lib/i18n/access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	guardPage(event);
	const user = userOf(event);
	const c = await container();
	// Notifications go to an agent (a team's lead); a user not linked to one has none.
	const items = user.agentId ? await listNotifications(c, user.agentId) : [];
	return { items, linked: user.agentId !== null, lang: langOf(event.url), reference: c.reference };
};

export const actions: Actions = {
	read: async (event) => {
		guardPage(event);
		const user = userOf(event);
		const raw = String((await event.request.formData()).get('id') ?? '');
		if (!user.agentId) return fail(403, { error: 'this account receives no notifications' });
		try {
			await markNotificationRead(await container(), Number(raw), user.agentId);
			return { marked: Number(raw) };
		} catch (caught) {
			if (!(caught instanceof CaseServiceError)) throw caught;
			return fail(caught.code === 'not_found' ? 404 : 400, { error: caught.message });
		}
	}
};
