import { json } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { reprocessAnswer } from '$lib/server/services/sources/sources-routes';
import type { RequestHandler } from './$types';

/** Dead letters through their adapters again (issue 4 §5): `{ source?, id? }`, administrators. */
export const POST: RequestHandler = async ({ request }) => {
	const answer = await reprocessAnswer(await container(), await request.text());
	return json(answer.body, { status: answer.status });
};
