/**
 * Reading HTML form posts for the cases and admin pages (they work without JavaScript): every
 * field arrives as text; these turn it into the contract's input shapes, leaving validation to
 * the services (one set of rules, the contract's schemas).
 */
import { CaseServiceError } from '../services/cases';

/** A trimmed text field, or undefined when absent or empty (so schema defaults apply). */
export function optionalText(form: FormData, name: string): string | undefined {
	const value = form.get(name);
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	return trimmed === '' ? undefined : trimmed;
}

/** Every value of a repeated field (checkboxes, multi-selects), trimmed, empty ones dropped. */
export function texts(form: FormData, name: string): string[] {
	return form
		.getAll(name)
		.filter((v): v is string => typeof v === 'string')
		.map((v) => v.trim())
		.filter((v) => v !== '');
}

/**
 * A number field: undefined when empty, NaN when not a number (the schema then names the
 * field instead of this code guessing), a number otherwise. Accepts a decimal comma (id).
 */
export function optionalNumber(form: FormData, name: string): number | undefined {
	const value = optionalText(form, name);
	return value === undefined ? undefined : Number(value.replace(',', '.'));
}

/** A checkbox: present = true. */
export function checked(form: FormData, name: string): boolean {
	return form.get(name) !== null;
}

/** The submitted text values, to put back into the form after an error (nothing typed is lost). */
export function echo(form: FormData, names: readonly string[]): Record<string, string> {
	const values: Record<string, string> = {};
	for (const name of names) {
		const value = form.get(name);
		if (typeof value === 'string') values[name] = value;
	}
	return values;
}

/** A service error as `{ field, message }` for the page (field '' when none is named). */
export function fieldError(error: unknown): { field: string; message: string } | null {
	if (!(error instanceof CaseServiceError) || error.code === 'internal') return null;
	return { field: error.field ?? '', message: error.message };
}
