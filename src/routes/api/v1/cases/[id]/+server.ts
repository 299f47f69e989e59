import { json } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { answerOf, getCase } from '$lib/server/services/cases';
import type { RequestHandler } from './$types';

/** One case (by id or number) with SLA targets and history. */
export const GET: RequestHandler = async ({ params }) => {
	const c = await container();
	const a = await answerOf(() => getCase(c, params.id));
	return json(a.body, { status: a.status });
};
