import { trendsExport } from '$lib/server/services/trends/export';
import { container } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** A trend view as CSV or XLSX (issue 6 §Exports); the page's own URL parameters. */
export const GET: RequestHandler = async ({ url }) => {
	const answer = await trendsExport(await container(), url.searchParams);
	return new Response(answer.body as BodyInit, { status: answer.status, headers: answer.headers });
};
