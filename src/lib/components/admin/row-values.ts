/**
 * Values and errors of one row form on the admin pages: after a refused save, the row that was
 * posted shows what was typed and its errors; every other row shows the stored values.
 */
export interface RowResult {
	formKey: string;
	saved: boolean;
	errors: Record<string, string>;
	values: Record<string, string | string[]>;
}

export interface RowState {
	/** The text of a field: typed (after an error in this row) or stored. */
	text(name: string, stored: string | number | null | undefined): string;
	/** The chosen values of a multi-choice field (checkboxes, multi-select). */
	list(name: string, stored: readonly string[]): string[];
	/** A checkbox: typed (present = on) or stored. */
	on(name: string, stored: boolean): boolean;
	error(name: string): string | null;
	saved: boolean;
}

export function rowState(formKey: string, result: RowResult | null | undefined): RowState {
	const mine = result?.formKey === formKey ? result : null;
	const typed = mine && !mine.saved ? mine.values : null;
	return {
		text: (name, stored) => {
			const value = typed?.[name];
			if (typed) return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
			return stored === null || stored === undefined ? '' : String(stored);
		},
		list: (name, stored) => {
			if (!typed) return [...stored];
			const value = typed[name];
			return value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value];
		},
		on: (name, stored) => (typed ? typed[name] !== undefined : stored),
		error: (name) => mine?.errors[name] ?? null,
		saved: mine?.saved ?? false
	};
}
