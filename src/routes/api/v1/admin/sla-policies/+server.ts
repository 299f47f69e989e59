import { json } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { answerOf, listSlaPolicies } from '$lib/server/services/cases';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const c = await container();
	const a = await answerOf(() => listSlaPolicies(c));
	return json(a.body, { status: a.status });
};
