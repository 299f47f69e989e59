/**
 * `/trends/report?…`: the print-ready report of a trend page (issue 6 §Exports): the same
 * parameters and numbers, one A4 landscape page per view, for the browser's "Save as PDF".
 */
import { error } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { trendsPage } from '$lib/server/services/trends/page';
import { trendScopeOf } from '$lib/server/services/trends/scope';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'id';
	const c = await container();
	const page = await trendsPage(c, url.searchParams, lang, trendScopeOf(locals.principal));
	if (!page.ok) error(page.status ?? 400, page.message);
	return page.data;
};
