/**
 * `/trends?range=d30&groupBy=province&measure=contacts&lang=en`: the leadership trend page
 * (issue 6). The URL is the whole state (a bookmark); bad parameters get a 400 naming the
 * parameter, a filter outside the user's scope a 403.
 */
import { error } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { trendsPage } from '$lib/server/services/trends/page';
import { trendScopeOf } from '$lib/server/services/trends/scope';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'id';
	const page = await trendsPage(
		await container(),
		url.searchParams,
		lang,
		trendScopeOf(locals.principal)
	);
	if (!page.ok) error(page.status ?? 400, page.message);
	return page.data;
};
