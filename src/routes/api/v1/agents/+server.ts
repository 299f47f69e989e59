import { json } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { answerOf, bodyOf, createAgent, listAgents } from '$lib/server/services/cases';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const c = await container();
	const a = await answerOf(() => listAgents(c));
	return json(a.body, { status: a.status });
};

/** Creates one; an id already in use is refused (409 conflict, field `id`): PUT /:id edits. */
export const POST: RequestHandler = async ({ request }) => {
	const c = await container();
	const a = await answerOf(async () => createAgent(c, await bodyOf(request)), 201);
	return json(a.body, { status: a.status });
};
