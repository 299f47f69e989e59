import { json } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { notificationRecipientOf } from '$lib/server/http/notification-owner';
import { answerOf, markNotificationRead } from '$lib/server/services/cases';
import type { RequestHandler } from './$types';

/** Marks one of the caller's notifications read (administrators: anyone's). */
export const POST: RequestHandler = async (event) => {
	const recipient = notificationRecipientOf(event);
	const c = await container();
	const a = await answerOf(() => markNotificationRead(c, Number(event.params.id), recipient));
	return json(a.body, { status: a.status });
};
