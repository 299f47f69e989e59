import { json } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { answerOf, recentBreaches } from '$lib/server/services/cases';
import type { RequestHandler } from './$types';

/** The latest breaches in a wall scope (`?province=&issueType=&limit=`), newest first. */
export const GET: RequestHandler = async ({ url }) => {
	const c = await container();
	const q = url.searchParams;
	const scope = { province: q.get('province'), issueType: q.get('issueType') };
	const a = await answerOf(() => recentBreaches(c, scope, Number(q.get('limit') ?? 10) || 10));
	return json(a.body, { status: a.status });
};
