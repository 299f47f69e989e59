import { json } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { answerOf, bodyOf, createCase, listCases } from '$lib/server/services/cases';
import type { RequestHandler } from './$types';

/** The work queue: filters and facet counts (contracts/cases.ts caseListQuerySchema). */
export const GET: RequestHandler = async ({ url }) => {
	const c = await container();
	const a = await answerOf(() => listCases(c, Object.fromEntries(url.searchParams)));
	return json(a.body, { status: a.status });
};

/** Creates a case (letters, web forms, source systems): 201 with the case view. */
export const POST: RequestHandler = async ({ request }) => {
	const c = await container();
	const a = await answerOf(async () => createCase(c, await bodyOf(request), 'api'), 201);
	return json(a.body, { status: a.status });
};
