/**
 * `/cases/new`: the case form for staff digitising letters and web forms. The action checks
 * the fields against the contract's schema (every field's error at once), then creates the
 * case through the case service (which may name a field too: an unknown province, a
 * `receivedAt` in the future); on any error the typed values come back.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { createCase, listAgents, listTeams } from '$lib/server/services/cases';
import { CASE_FORM_FIELDS, caseFieldErrors, caseInputOf } from '$lib/server/forms/case-form';
import { echo, fieldError } from '$lib/server/forms/form-data';
import { ACTOR_COOKIE } from '$lib/server/forms/reassign-action';
import { parseCasesQuery } from '$lib/live/cases-query';
import type { Actions, PageServerLoad } from './$types';

function langOf(url: URL) {
	const parsed = parseCasesQuery(new URLSearchParams({ lang: url.searchParams.get('lang') ?? '' }));
	if (!parsed.ok) error(400, parsed.message);
	return parsed.lang;
}

export const load: PageServerLoad = async ({ url, cookies }) => {
	const lang = langOf(url);
	const c = await container();
	const [agents, teams] = await Promise.all([listAgents(c), listTeams(c)]);
	return { reference: c.reference, agents, teams, lang, actor: cookies.get(ACTOR_COOKIE) ?? '' };
};

export const actions: Actions = {
	default: async ({ request, url, cookies }) => {
		const form = await request.formData();
		const values = echo(form, CASE_FORM_FIELDS);
		const input = caseInputOf(form);
		const errors = caseFieldErrors(input);
		if (Object.keys(errors).length > 0) return fail(400, { values, errors });
		let created: { id: string };
		try {
			created = await createCase(await container(), input, 'form');
		} catch (caught) {
			const known = fieldError(caught);
			if (!known) throw caught;
			return fail(400, { values, errors: { [known.field || 'form']: known.message } });
		}
		if (input.actor)
			cookies.set(ACTOR_COOKIE, input.actor, { path: '/', maxAge: 31_536_000, httpOnly: false });
		const lang = langOf(url);
		redirect(303, `/cases/${encodeURIComponent(created.id)}${lang === 'en' ? '?lang=en' : ''}`);
	}
};
