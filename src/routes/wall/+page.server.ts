/**
 * `/wall?province=61&issueType=kopdes_lahan&lang=en`: the URL is the wall's configuration, so
 * a regional wall is a bookmark. Bad parameters get a 400 naming the parameter.
 */
import { error } from '@sveltejs/kit';
import { wallPageData } from '$lib/server/realtime/wall-page';
import { container } from '$lib/server/runtime';
import { recentBreaches } from '$lib/server/services/cases';
import { parseWallQuery, unknownScopeMessage } from '$lib/live/wall-query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const parsed = parseWallQuery(url.searchParams);
	if (!parsed.ok) error(400, parsed.message);
	const { scope, lang } = parsed.query;
	const data = await wallPageData(scope);
	const unknown = unknownScopeMessage(scope, data.reference);
	if (unknown) error(400, unknown);
	// The breach ticker's first paint; `?chime=1` asks for the breach sound (issue 3 §5).
	const breaches = await recentBreaches(await container(), scope, 8);
	return { ...data, scope, lang, breaches, chime: url.searchParams.get('chime') === '1' };
};
