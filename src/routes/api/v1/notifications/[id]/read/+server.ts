import { json } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { answerOf, markNotificationRead } from '$lib/server/services/cases';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ params }) => {
	const c = await container();
	const a = await answerOf(() => markNotificationRead(c, Number(params.id)));
	return json(a.body, { status: a.status });
};
