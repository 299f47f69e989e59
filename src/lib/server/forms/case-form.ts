/**
 * The case form (`/cases/new`, staff digitising letters and web forms): form fields → the
 * contract's `caseCreateSchema` input, and every problem mapped to its field so each error
 * shows next to the field that caused it, with what was typed kept.
 */
import { caseCreateSchema, type CaseCreate } from '../../contracts/cases';
import { optionalText } from './form-data';

export const CASE_FORM_FIELDS = [
	'receivedAt',
	'reporterType',
	'reporterName',
	'reporterContact',
	'cooperativeId',
	'provinceCode',
	'regencyCode',
	'villageCode',
	'issueType',
	'priority',
	'channel',
	'subject',
	'description',
	'teamId',
	'assigneeId',
	'actor',
	// The call or chat the case is made from (`/cases/new?contact=<id>`).
	'sourceContactId'
] as const;
export type CaseFormField = (typeof CASE_FORM_FIELDS)[number];

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/;

/**
 * A `datetime-local` value is wall time without a zone; on this form it is WIB (the letter's
 * stamp). `2026-03-09T09:05` → `2026-03-09T09:05:00+07:00`. Anything else is passed on as
 * typed so the schema names the field.
 */
export function wibLocalToIso(local: string): string {
	const m = LOCAL.exec(local);
	return m ? `${m[1]}T${m[2]}${m[3] ?? ':00'}+07:00` : local;
}

/** The create input of a posted case form (empty fields left out, so defaults apply). */
export function caseInputOf(form: FormData): CaseCreate {
	const input: Record<string, string> = {};
	for (const name of CASE_FORM_FIELDS) {
		const value = optionalText(form, name);
		if (value !== undefined) input[name] = value;
	}
	if (input.receivedAt) input.receivedAt = wibLocalToIso(input.receivedAt);
	return input as unknown as CaseCreate;
}

/** Marks a required field left empty; the page shows it in its language. */
export const REQUIRED = 'required';

/** Problems of the input against the contract's schema, one message per field (first wins). */
export function caseFieldErrors(input: CaseCreate): Record<string, string> {
	const parsed = caseCreateSchema.safeParse(input);
	if (parsed.success) return {};
	const errors: Record<string, string> = {};
	const given = input as Record<string, unknown>;
	for (const issue of parsed.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		// `custom`: channel and issue type are required only without a source contact.
		const missing =
			(issue.code === 'invalid_type' || issue.code === 'custom') && given[field] === undefined;
		errors[field] ??= missing ? REQUIRED : issue.message;
	}
	return errors;
}
