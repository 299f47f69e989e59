/**
 * `/admin/sla`: SLA policies (sla.md §Policies). Each policy row is its own form; saving calls
 * `saveSlaPolicy`, and the page says a change applies to new cases.
 */
import { error } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { listCalendars, listSlaPolicies } from '$lib/server/services/cases';
import { savePolicyAction } from '$lib/server/forms/admin-actions';
import { parseCasesQuery } from '$lib/live/cases-query';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const parsed = parseCasesQuery(new URLSearchParams({ lang: url.searchParams.get('lang') ?? '' }));
	if (!parsed.ok) error(400, parsed.message);
	const c = await container();
	const [policies, calendars] = await Promise.all([listSlaPolicies(c), listCalendars(c)]);
	return {
		policies,
		calendars: calendars.map(({ id, name }) => ({ id, name })),
		reference: c.reference,
		lang: parsed.lang
	};
};

export const actions: Actions = {
	save: async ({ request }) => savePolicyAction(await container(), await request.formData())
};
