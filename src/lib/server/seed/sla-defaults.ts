/**
 * What a fresh install starts with (seeded once into the database, which is then the truth and
 * edited by administrators): the standard ministry calendar with Indonesia's national holidays
 * and cuti bersama, the 24/7 calendar, one default policy — first response within one business
 * day (540 business minutes), resolution within five (2,700), at risk at 80 % — and one team
 * with a few agents so cases can be assigned at once (issue 3 §Agents and teams).
 */
import { alwaysOpenCalendar, standardCalendar } from '../../domain/calendar/business-calendar';
import { INDONESIA_HOLIDAYS } from '../../domain/calendar/holidays-id';
import { createSlaEvaluator } from '../../domain/sla/evaluator';
import type { SlaPolicy } from '../../domain/sla/policy';

export const DEFAULT_CALENDARS = [
	{ calendar: standardCalendar(), holidays: INDONESIA_HOLIDAYS },
	{ calendar: alwaysOpenCalendar(), holidays: [] }
];

export const DEFAULT_POLICIES: (SlaPolicy & { atRiskPercent: number })[] = [
	{
		id: 'default',
		name: 'Standar Kementerian',
		issueType: null,
		priority: null,
		channel: null,
		firstResponseMinutes: 540,
		resolutionMinutes: 2700,
		atRiskPercent: 80,
		calendarId: 'standard'
	}
];

/** The team new cases land in when none is named. */
export const DEFAULT_TEAM_ID = 'nasional';

export const DEFAULT_DIRECTORY = {
	teams: [
		{
			id: DEFAULT_TEAM_ID,
			name: 'Tim Layanan Nasional',
			leadAgentId: '1001',
			calendarId: 'standard',
			active: true
		}
	],
	agents: [
		['1001', 'Sari Wulandari'],
		['1002', 'Budi Santoso'],
		['1003', 'Dewi Lestari'],
		['1004', 'Agus Pratama']
	].map(([id, name]) => ({
		id: id!,
		name: name!,
		teamIds: [DEFAULT_TEAM_ID],
		provinces: [] as string[],
		issueTypes: [] as string[],
		active: true
	}))
};

/** The seeded configuration as an evaluator (before the database is read; tests). */
export function defaultSlaEvaluator() {
	return createSlaEvaluator({
		policies: DEFAULT_POLICIES.map((p) => ({ ...p, id: `${p.id}@1` })),
		calendars: DEFAULT_CALENDARS.map(({ calendar, holidays }) => ({ ...calendar, holidays }))
	});
}
