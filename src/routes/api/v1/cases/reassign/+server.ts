import { json } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { answerOf, bodyOf, reassignCases } from '$lib/server/services/cases';
import type { RequestHandler } from './$types';

/** Bulk reassignment: per case ok | conflict | not_found | invalid. */
export const POST: RequestHandler = async ({ request }) => {
	const c = await container();
	const a = await answerOf(async () => reassignCases(c, await bodyOf(request)));
	return json(a.body, { status: a.status });
};
