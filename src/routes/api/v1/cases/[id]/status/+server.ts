import { json } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { answerOf, bodyOf, changeCaseStatus } from '$lib/server/services/cases';
import type { RequestHandler } from './$types';

/** Status change (pause, resolve, close, reopen). */
export const POST: RequestHandler = async ({ params, request }) => {
	const c = await container();
	const a = await answerOf(async () => changeCaseStatus(c, params.id, await bodyOf(request)));
	return json(a.body, { status: a.status });
};
