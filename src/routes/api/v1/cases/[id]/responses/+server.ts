import { json } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { answerOf, bodyOf, respondToCase } from '$lib/server/services/cases';
import type { RequestHandler } from './$types';

/** A reply to the reporter by a person (first response). */
export const POST: RequestHandler = async ({ params, request }) => {
	const c = await container();
	const a = await answerOf(async () => respondToCase(c, params.id, await bodyOf(request)));
	return json(a.body, { status: a.status });
};
