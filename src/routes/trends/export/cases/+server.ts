import { casesAuditExport } from '$lib/server/services/trends/case-audit';
import { trendScopeOf } from '$lib/server/services/trends/scope';
import { container } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** One row per case created in the range, for audits (issue 6 §Exports), CSV or XLSX. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const scope = trendScopeOf(locals.principal);
	const answer = await casesAuditExport(await container(), url.searchParams, scope);
	return new Response(answer.body as BodyInit, { status: answer.status, headers: answer.headers });
};
