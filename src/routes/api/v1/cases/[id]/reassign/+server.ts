import { json } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { answerOf, bodyOf, reassignCase } from '$lib/server/services/cases';
import type { RequestHandler } from './$types';

/** Reassign: 200 { version } or 409 with who changed it. */
export const POST: RequestHandler = async ({ params, request }) => {
	const c = await container();
	const a = await answerOf(async () => reassignCase(c, params.id, await bodyOf(request)));
	return json(a.body, { status: a.status });
};
