/**
 * `/wall?province=61&issueType=kopdes_lahan&lang=en`: the URL is the wall's configuration, so
 * a regional wall is a bookmark. Bad parameters get a 400 naming the parameter.
 */
import { error } from '@sveltejs/kit';
import { wallPageData } from '$lib/server/realtime/wall-page';
import { parseWallQuery, unknownScopeMessage } from '$lib/live/wall-query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const parsed = parseWallQuery(url.searchParams);
	if (!parsed.ok) error(400, parsed.message);
	const { scope, lang } = parsed.query;
	const data = await wallPageData(scope);
	const unknown = unknownScopeMessage(scope, data.reference);
	if (unknown) error(400, unknown);
	return { ...data, scope, lang };
};
