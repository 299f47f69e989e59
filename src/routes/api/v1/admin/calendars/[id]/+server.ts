import { json } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { answerOf, bodyOf, saveCalendar } from '$lib/server/services/cases';
import type { RequestHandler } from './$types';

/** Creates or replaces the one named in the path (every open case is evaluated again). */
export const PUT: RequestHandler = async ({ params, request }) => {
	const c = await container();
	const a = await answerOf(async () =>
		saveCalendar(c, { ...(await bodyObject(request)), id: params.id })
	);
	return json(a.body, { status: a.status });
};

async function bodyObject(request: Request): Promise<object> {
	const body = await bodyOf(request);
	return typeof body === 'object' && body !== null ? body : {};
}
