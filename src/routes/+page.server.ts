/** Home: the reference labels for the links to the national and regional walls. */
import { error } from '@sveltejs/kit';
import { wallPageData } from '$lib/server/realtime/wall-page';
import { parseWallQuery } from '$lib/live/wall-query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const parsed = parseWallQuery(new URLSearchParams({ lang: url.searchParams.get('lang') ?? '' }));
	if (!parsed.ok) error(400, parsed.message);
	const { reference } = await wallPageData({ province: null, issueType: null });
	return { reference, lang: parsed.query.lang };
};
