/**
 * `/admin/calendars?edit=standard`: business calendars (sla.md §Business calendar) — weekly
 * intervals per weekday, dated overrides, holidays with name, source and kind — edited without
 * a deploy. The save action calls the case services' `saveCalendar`.
 */
import { error } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { listCalendars } from '$lib/server/services/cases';
import { saveCalendarAction } from '$lib/server/forms/calendar-action';
import { parseCasesQuery } from '$lib/live/cases-query';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const parsed = parseCasesQuery(new URLSearchParams({ lang: url.searchParams.get('lang') ?? '' }));
	if (!parsed.ok) error(400, parsed.message);
	const calendars = await listCalendars(await container());
	const standard = calendars.find((cal) => cal.id === 'standard') ?? calendars[0];
	const edit = url.searchParams.get('edit') ?? standard?.id ?? 'new';
	const calendar = calendars.find((cal) => cal.id === edit) ?? null;
	if (edit !== 'new' && !calendar) error(404, `calendar "${edit}" does not exist`);
	return { calendars, calendar, lang: parsed.lang };
};

export const actions: Actions = {
	save: async ({ request }) => saveCalendarAction(await container(), await request.formData())
};
