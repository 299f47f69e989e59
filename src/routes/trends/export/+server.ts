import { trendsExport } from '$lib/server/services/trends/export';
import { trendScopeOf } from '$lib/server/services/trends/scope';
import { container } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** A trend view as CSV or XLSX (issue 6 §Exports); the page's own URL parameters. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const scope = trendScopeOf(locals.principal);
	const answer = await trendsExport(await container(), url.searchParams, scope);
	return new Response(answer.body as BodyInit, { status: answer.status, headers: answer.headers });
};
