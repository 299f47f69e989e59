/**
 * `/cases/new`: the case form for staff digitising letters and web forms, or turning a call or
 * chat into a case (`?contact=<id>[&channel=call|chat]`: channel, province and issue type come
 * prefilled from the contact, and the form sends `sourceContactId`). The action checks
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
import { auditDenial } from '$lib/server/http/access-handle';
import { parseCasesQuery } from '$lib/live/cases-query';
import type { Container } from '$lib/server/container';
import { contactPrefill, type ContactPrefill } from '$lib/server/services/cases/source-contact';
import type { Principal } from '$lib/domain/access/principal';
import { provincesOf } from '$lib/domain/access/scope';
import type { Reference } from '$contracts/reference';
import type { Actions, PageServerLoad } from './$types';

function langOf(url: URL) {
	const parsed = parseCasesQuery(new URLSearchParams({ lang: url.searchParams.get('lang') ?? '' }));
	if (!parsed.ok) error(400, parsed.message);
	return parsed.lang;
}

/** The contact the form starts from, if the URL names one (checked like the save will be). */
async function prefillOf(c: Container, url: URL): Promise<ContactPrefill | null> {
	const id = url.searchParams.get('contact')?.trim();
	if (!id) return null;
	const channel = url.searchParams.get('channel');
	if (channel !== null && channel !== 'call' && channel !== 'chat')
		error(400, 'channel: must be call or chat');
	return contactPrefill(c, id, channel ?? undefined);
}

/**
 * The reference data the form offers: only the provinces the user covers, so a team lead
 * cannot pick a province the save would refuse (and lose what they typed to a 403 page).
 */
function formReference(c: Container, principal: Principal | null): Reference {
	const covered = principal ? provincesOf(principal) : [];
	if (covered === null) return c.reference;
	return {
		...c.reference,
		provinces: c.reference.provinces.filter((p) => covered.includes(p.code))
	};
}

export const load: PageServerLoad = async ({ url, cookies, locals }) => {
	const lang = langOf(url);
	const c = await container();
	const [agents, teams, prefill] = await Promise.all([
		listAgents(c),
		listTeams(c),
		prefillOf(c, url)
	]);
	return {
		reference: formReference(c, locals.principal ?? null),
		agents,
		teams,
		lang,
		actor: cookies.get(ACTOR_COOKIE) ?? '',
		prefill,
		contactId: url.searchParams.get('contact')?.trim() || null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { request, url, cookies, locals } = event;
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
			// A contact already made into a case is 409, one outside the scope 403; the rest 400.
			const code = (caught as { code?: string }).code;
			const status = code === 'conflict' ? 409 : code === 'forbidden' ? 403 : 400;
			if (code === 'forbidden') {
				await auditDenial(
					await container(),
					event,
					locals.principal ?? null,
					'action:default',
					known.message
				);
			}
			return fail(status, { values, errors: { [known.field || 'form']: known.message } });
		}
		if (input.actor)
			cookies.set(ACTOR_COOKIE, input.actor, { path: '/', maxAge: 31_536_000, httpOnly: false });
		const lang = langOf(url);
		redirect(303, `/cases/${encodeURIComponent(created.id)}${lang === 'en' ? '?lang=en' : ''}`);
	}
};
