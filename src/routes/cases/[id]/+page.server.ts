/**
 * `/cases/[id]` (id or number): the case with its SLA targets, milestones and history, and the
 * forms that change it (reassign, status, first response). Every form action calls the case
 * services, the same ones the API and the socket use.
 */
import { error, fail } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import {
	CaseServiceError,
	changeCaseStatus,
	getCase,
	listAgents,
	listTeams,
	respondToCase
} from '$lib/server/services/cases';
import { placeOf } from '$lib/server/services/areas.service';
import { echo, fieldError, optionalNumber, optionalText } from '$lib/server/forms/form-data';
import { ACTOR_COOKIE, reassignAction } from '$lib/server/forms/reassign-action';
import { parseCasesQuery } from '$lib/live/cases-query';
import type { Actions, PageServerLoad } from './$types';
import { mayActions } from '$lib/domain/access/nav';

export const load: PageServerLoad = async ({ params, url, cookies, locals }) => {
	const parsed = parseCasesQuery(new URLSearchParams({ lang: url.searchParams.get('lang') ?? '' }));
	if (!parsed.ok) error(400, parsed.message);
	const c = await container();
	const view = await getCase(c, params.id).catch((caught: unknown) => {
		if (caught instanceof CaseServiceError && caught.code === 'not_found')
			error(404, caught.message);
		throw caught;
	});
	const [agents, teams, place] = await Promise.all([listAgents(c), listTeams(c), placeOf(c, view)]);
	return {
		view,
		agents,
		teams,
		place,
		reference: c.reference,
		lang: parsed.lang,
		actor: cookies.get(ACTOR_COOKIE) ?? '',
		may: mayActions(locals.principal ?? null, '/cases/[id]', [
			'reassign',
			'status',
			'respond'
		] as const)
	};
};

interface ChangeState {
	saved: boolean;
	/** The case's new version once saved: the page's forms then send it (the user saw it). */
	version?: number;
	error: { field: string; message: string } | null;
	values: Record<string, string>;
}

/** Runs one change; its result (or error naming the field) comes back under its own key. */
async function change<K extends 'status' | 'respond'>(
	kind: K,
	form: FormData,
	run: () => Promise<{ version: number }>
) {
	const values = echo(form, ['status', 'reason', 'agentId', 'message']);
	const answer = (state: ChangeState) => ({ [kind]: state }) as Record<K, ChangeState>;
	try {
		const { version } = await run();
		return answer({ saved: true, version, error: null, values: {} });
	} catch (caught) {
		const known = fieldError(caught);
		if (!known) throw caught;
		const status = (caught as CaseServiceError).code === 'conflict' ? 409 : 400;
		return fail(status, answer({ saved: false, error: known, values }));
	}
}

export const actions: Actions = {
	reassign: async ({ request, cookies }) =>
		reassignAction(await container(), await request.formData(), cookies),
	status: async ({ request, params }) => {
		const form = await request.formData();
		const input = {
			actor: optionalText(form, 'actor'),
			status: optionalText(form, 'status'),
			reason: optionalText(form, 'reason'),
			expectedVersion: optionalNumber(form, 'expectedVersion')
		};
		return change('status', form, async () =>
			changeCaseStatus(await container(), params.id, input)
		);
	},
	respond: async ({ request, params }) => {
		const form = await request.formData();
		const input = {
			actor: optionalText(form, 'actor'),
			agentId: optionalText(form, 'agentId'),
			message: optionalText(form, 'message'),
			expectedVersion: optionalNumber(form, 'expectedVersion')
		};
		return change('respond', form, async () => respondToCase(await container(), params.id, input));
	}
};
