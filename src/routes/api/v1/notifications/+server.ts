import { json } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { notificationAgentOf } from '$lib/server/http/notification-owner';
import { answerOf, listNotifications } from '$lib/server/services/cases';
import type { RequestHandler } from './$types';

/** The caller's notifications whose delivery instant has come (`?agent=<id>`: admins only). */
export const GET: RequestHandler = async (event) => {
	const agent = notificationAgentOf(event);
	const c = await container();
	const a = await answerOf(() => listNotifications(c, agent));
	return json(a.body, { status: a.status });
};
