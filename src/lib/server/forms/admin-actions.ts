/**
 * Form actions of `/admin/sla` and `/admin/teams`: each row of those pages is its own form
 * (`formKey` names it), posted fields become the contract's input and go to the case
 * services; an error names its field and comes back to that row with what was typed. The
 * blank row posts `create`: it only creates, an id already in use is refused (409, named at
 * the id) and that record is edited in its own row.
 */
import { fail } from '@sveltejs/kit';
import type { RowResult } from '../../components/admin/row-values';
import type { Container } from '../container';
import {
	CaseServiceError,
	createAgent,
	createSlaPolicy,
	createTeam,
	saveAgent,
	saveSlaPolicy,
	saveTeam
} from '../services/cases';
import { checked, fieldError, optionalNumber, optionalText, texts } from './form-data';

export type { RowResult };

function echoRow(form: FormData): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = {};
	for (const name of new Set(form.keys())) {
		const all = texts(form, name);
		values[name] = all.length > 1 ? all : (all[0] ?? '');
	}
	return values;
}

async function saveRow(form: FormData, run: () => Promise<unknown>) {
	const formKey = optionalText(form, 'formKey') ?? 'new';
	try {
		await run();
		return { row: { formKey, saved: true, errors: {}, values: {} } satisfies RowResult };
	} catch (caught) {
		const known = fieldError(caught);
		if (!known) throw caught;
		const field = known.field.split(/[.[]/)[0] || 'form';
		const row: RowResult = {
			formKey,
			saved: false,
			errors: { [field]: known.message },
			values: echoRow(form)
		};
		const conflict = caught instanceof CaseServiceError && caught.code === 'conflict';
		return fail(conflict ? 409 : 400, { row });
	}
}

/** `saveSlaPolicy`: empty match fields mean "any" (null). */
export async function savePolicyAction(c: Container, form: FormData) {
	return saveRow(form, () =>
		(checked(form, 'create') ? createSlaPolicy : saveSlaPolicy)(c, {
			actor: optionalText(form, 'actor'),
			id: optionalText(form, 'id') ?? '',
			name: optionalText(form, 'name') ?? '',
			issueType: optionalText(form, 'issueType') ?? null,
			priority: optionalText(form, 'priority') ?? null,
			channel: optionalText(form, 'channel') ?? null,
			firstResponseMinutes: optionalNumber(form, 'firstResponseMinutes'),
			resolutionMinutes: optionalNumber(form, 'resolutionMinutes'),
			atRiskPercent: optionalNumber(form, 'atRiskPercent'),
			calendarId: optionalText(form, 'calendarId') ?? ''
		})
	);
}

export async function saveTeamAction(c: Container, form: FormData) {
	return saveRow(form, () =>
		(checked(form, 'create') ? createTeam : saveTeam)(c, {
			actor: optionalText(form, 'actor'),
			id: optionalText(form, 'id'),
			name: optionalText(form, 'name') ?? '',
			leadAgentId: optionalText(form, 'leadAgentId') ?? null,
			calendarId: optionalText(form, 'calendarId'),
			active: checked(form, 'active')
		})
	);
}

export async function saveAgentAction(c: Container, form: FormData) {
	return saveRow(form, () =>
		(checked(form, 'create') ? createAgent : saveAgent)(c, {
			actor: optionalText(form, 'actor'),
			id: optionalText(form, 'id'),
			name: optionalText(form, 'name') ?? '',
			teamIds: texts(form, 'teamIds'),
			provinces: texts(form, 'provinces'),
			issueTypes: texts(form, 'issueTypes'),
			active: checked(form, 'active')
		})
	);
}
