/**
 * The calendar editor's form action (`/admin/calendars`): the posted text fields become the
 * contract's calendar input, checked here for shape (naming the weekday, override line or
 * holiday row) and by `saveCalendar` for the rest (overlaps, dates that do not exist), whose
 * error field is mapped back to the form field. Nothing typed is lost on an error. A new
 * calendar's form posts `create`: an id already in use is refused (409, next to the id)
 * instead of replacing that calendar.
 */
import { fail } from '@sveltejs/kit';
import {
	formFieldOf,
	parseOverrides,
	parseWeek,
	type CalendarInput
} from '../../components/admin/calendar-form';
import type { Container } from '../container';
import { CaseServiceError, createCalendar, saveCalendar } from '../services/cases';
import { checked, fieldError, optionalText } from './form-data';

const HOLIDAY_PARTS = ['date', 'name', 'source', 'kind'] as const;

/** Every posted text field, to refill the form after an error. */
function echoAll(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [name, value] of form.entries()) if (typeof value === 'string') values[name] = value;
	return values;
}

/** Holiday rows: blank rows (for adding) and rows ticked for removal are left out. */
function holidaysOf(form: FormData): { holidays: CalendarInput['holidays']; rows: number[] } {
	const count = Number(form.get('holidayRows') ?? 0);
	const holidays: NonNullable<CalendarInput['holidays']> = [];
	const rows: number[] = [];
	for (let row = 0; row < Math.min(count, 500); row++) {
		if (form.get(`holiday.${row}.remove`) !== null) continue;
		const [date, name, source, kind] = HOLIDAY_PARTS.map(
			(part) => optionalText(form, `holiday.${row}.${part}`) ?? ''
		);
		if (!date && !name && !source) continue;
		holidays.push({ date: date!, name: name!, source: source!, kind: kind as 'national' });
		rows.push(row);
	}
	return { holidays, rows };
}

export async function saveCalendarAction(c: Container, form: FormData) {
	const values = echoAll(form);
	const refuse = (field: string, message: string, status = 400) =>
		fail(status, { calendar: { saved: false, errors: { [field]: message }, values } });
	const week = parseWeek(
		Array.from({ length: 7 }, (_, d) => String(form.get(`weekly.${d}`) ?? ''))
	);
	if ('problem' in week) return refuse(week.field, `${week.field}: ${week.problem}`);
	const overrides = parseOverrides(String(form.get('overrides') ?? ''));
	if ('problem' in overrides) return refuse('overrides', `overrides: ${overrides.problem}`);
	const { holidays, rows } = holidaysOf(form);
	const input: CalendarInput = {
		actor: optionalText(form, 'actor'),
		id: optionalText(form, 'id') ?? '',
		name: optionalText(form, 'name') ?? '',
		timeZone: optionalText(form, 'timeZone'),
		weekly: week.weekly,
		overrides: overrides.overrides,
		holidays
	};
	try {
		const saved = await (checked(form, 'create') ? createCalendar : saveCalendar)(c, input);
		return { calendar: { saved: true, errors: {}, values: {}, id: saved.id } };
	} catch (caught) {
		const known = fieldError(caught);
		if (!known) throw caught;
		const conflict = caught instanceof CaseServiceError && caught.code === 'conflict';
		return refuse(formFieldOf(known.field, week, rows), known.message, conflict ? 409 : 400);
	}
}
