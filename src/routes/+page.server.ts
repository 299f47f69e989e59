/**
 * Home: the reference labels for the links to the national and regional walls. Issue 5: a
 * wall display goes straight to its wall; a user is offered the walls inside their scope
 * (the national link sends a scoped user to their own wall), and none to a role the wall
 * refuses (an agent works from the case pages).
 */
import { error, redirect } from '@sveltejs/kit';
import { decideRoute } from '$lib/domain/access/can';
import { mayWatch } from '$lib/domain/access/scope';
import { wallPath } from '$lib/server/http/display-exchange';
import { wallPageData } from '$lib/server/realtime/wall-page';
import { parseWallQuery } from '$lib/live/wall-query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const parsed = parseWallQuery(new URLSearchParams({ lang: url.searchParams.get('lang') ?? '' }));
	if (!parsed.ok) error(400, parsed.message);
	const p = locals.principal;
	if (p?.kind === 'display') redirect(303, wallPath(p.wall, parsed.query.lang));
	const { reference } = await wallPageData({ province: null, issueType: null });
	const may = (province: string | null, issueType: string | null) =>
		!p || mayWatch(p, { province, issueType });
	return {
		reference: {
			...reference,
			provinces: reference.provinces.filter((r) => may(r.code, null)),
			issueTypes: reference.issueTypes.filter((t) => may(null, t.code))
		},
		lang: parsed.query.lang,
		// Nobody signed in yet: the links lead to the sign-in, then to the wall.
		walls: !p || decideRoute(p, '/wall', 'GET').ok
	};
};
