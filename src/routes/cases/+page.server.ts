/**
 * `/cases?province=61&state=breached&lang=en`: the team lead's work queue. The URL is the
 * filter (the wall's aggregates link here); the list, the counts per filter value, agents and
 * teams come from the case services; the reassign form works without JavaScript.
 */
import { error } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { listAgents, listCases, listTeams } from '$lib/server/services/cases';
import { ACTOR_COOKIE, reassignAction } from '$lib/server/forms/reassign-action';
import { listQueryOf, parseCasesQuery } from '$lib/live/cases-query';
import type { Actions, PageServerLoad } from './$types';
import { mayActions } from '$lib/domain/access/nav';

/** Rows shown at once; the page says when more match. */
const QUEUE_LIMIT = 500;

export const load: PageServerLoad = async ({ url, cookies, locals }) => {
	const parsed = parseCasesQuery(url.searchParams);
	if (!parsed.ok) error(400, parsed.message);
	const c = await container();
	const [list, agents, teams] = await Promise.all([
		listCases(c, listQueryOf(parsed.filters, QUEUE_LIMIT)),
		listAgents(c),
		listTeams(c)
	]);
	return {
		list,
		agents,
		teams,
		reference: c.reference,
		filters: parsed.filters,
		lang: parsed.lang,
		actor: cookies.get(ACTOR_COOKIE) ?? '',
		may: mayActions(locals.principal ?? null, '/cases', ['reassign'] as const)
	};
};

export const actions: Actions = {
	reassign: async ({ request, cookies }) =>
		reassignAction(await container(), await request.formData(), cookies)
};
