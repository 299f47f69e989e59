import { json } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { answerOf, listNotifications } from '$lib/server/services/cases';
import type { RequestHandler } from './$types';

/** `?agent=<id>`: the team lead's notifications whose delivery instant has come. */
export const GET: RequestHandler = async ({ url }) => {
	const c = await container();
	const a = await answerOf(() => listNotifications(c, url.searchParams.get('agent') ?? ''));
	return json(a.body, { status: a.status });
};
