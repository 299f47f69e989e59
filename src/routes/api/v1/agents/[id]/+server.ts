import { json } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { answerOf, bodyOf, saveAgent } from '$lib/server/services/cases';
import type { RequestHandler } from './$types';

/** Updates (or creates) the one named in the path. */
export const PUT: RequestHandler = async ({ params, request }) => {
	const c = await container();
	const a = await answerOf(async () =>
		saveAgent(c, { ...(await bodyObject(request)), id: params.id })
	);
	return json(a.body, { status: a.status });
};

async function bodyObject(request: Request): Promise<object> {
	const body = await bodyOf(request);
	return typeof body === 'object' && body !== null ? body : {};
}
