import { json } from '@sveltejs/kit';
import { trendsAnswer } from '$lib/server/services/trends/trends.service';
import { trendScopeOf } from '$lib/server/services/trends/scope';
import { container } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** Trends from the rollups (issue 6 §API): measures per period, overall and per group. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const scope = trendScopeOf(locals.principal);
	const answer = await trendsAnswer(await container(), url.searchParams, scope);
	return json(answer.body, { status: answer.status });
};
