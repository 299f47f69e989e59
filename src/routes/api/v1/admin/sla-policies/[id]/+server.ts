import { json } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { answerOf, bodyOf, retireSlaPolicy, saveSlaPolicy } from '$lib/server/services/cases';
import type { RequestHandler } from './$types';

/** Creates or replaces the one named in the path (every open case is evaluated again). */
export const PUT: RequestHandler = async ({ params, request }) => {
	const c = await container();
	const a = await answerOf(async () =>
		saveSlaPolicy(c, { ...(await bodyObject(request)), id: params.id })
	);
	return json(a.body, { status: a.status });
};

async function bodyObject(request: Request): Promise<object> {
	const body = await bodyOf(request);
	return typeof body === 'object' && body !== null ? body : {};
}

/** Retires the policy (cases created under it keep it); the last default cannot go. */
export const DELETE: RequestHandler = async ({ params }) => {
	const c = await container();
	const a = await answerOf(() => retireSlaPolicy(c, params.id));
	return json(a.body, { status: a.status });
};
