/**
 * `/admin/teams`: teams (name, lead, notification calendar, active) and agents (name, teams,
 * provinces and issue types covered, active). Each row is its own form calling the case
 * services' `saveTeam` / `saveAgent`.
 */
import { error } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { listAgents, listCalendars, listTeams } from '$lib/server/services/cases';
import { saveAgentAction, saveTeamAction } from '$lib/server/forms/admin-actions';
import { parseCasesQuery } from '$lib/live/cases-query';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const parsed = parseCasesQuery(new URLSearchParams({ lang: url.searchParams.get('lang') ?? '' }));
	if (!parsed.ok) error(400, parsed.message);
	const c = await container();
	const [teams, agents, calendars] = await Promise.all([
		listTeams(c),
		listAgents(c),
		listCalendars(c)
	]);
	return {
		teams,
		agents,
		calendars: calendars.map(({ id, name }) => ({ id, name })),
		reference: c.reference,
		lang: parsed.lang
	};
};

export const actions: Actions = {
	team: async ({ request }) => saveTeamAction(await container(), await request.formData()),
	agent: async ({ request }) => saveAgentAction(await container(), await request.formData())
};
