/** Form actions over the access services: expected failures become `fail()` with the message. */
import { fail } from '@sveltejs/kit';
import { AccessError } from '../services/access/errors';

const STATUS = { invalid_payload: 400, forbidden: 403, not_found: 404, conflict: 409 } as const;

/**
 * Runs the action; an expected failure answers its message and, given `values`, what was typed
 * (never a password), so a refused form comes back filled in.
 */
export async function formResult<T extends Record<string, unknown>>(
	run: () => Promise<T>,
	values: Record<string, string> = {}
) {
	try {
		return await run();
	} catch (error) {
		if (error instanceof AccessError)
			return fail(STATUS[error.code], { error: error.message, values });
		throw error;
	}
}

/** The typed fields to give back after a refusal: all but secrets. */
export function typedBack(fields: Record<string, string>): Record<string, string> {
	const { password: _password, ...rest } = fields;
	return rest;
}

/** The form's fields as a plain object (strings only; repeated names keep the last). */
export function fieldsOf(form: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of form) if (typeof v === 'string') out[k] = v;
	return out;
}

/** A positive whole-number id field, or an AccessError naming it. */
export function idField(form: FormData, name = 'id'): number {
	const raw = String(form.get(name) ?? '');
	if (!/^\d+$/.test(raw)) throw new AccessError('invalid_payload', `${name}: must be a number`);
	return Number(raw);
}
