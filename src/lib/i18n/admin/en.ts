/** English for the administration pages; must have exactly the keys of `id.ts`. */
import type { AdminDictionary } from './id';

export const adminEn: AdminDictionary = {
	save: 'Save',
	saved: 'Saved.',
	fixErrors: 'Not saved: check the marked fields. Nothing you typed is lost.',
	any: '— any —',
	none: '— none —',
	all: 'all',
	active: 'Active',
	inactive: 'inactive',
	updatedAt: 'Changed',
	calendars: {
		title: 'Business calendars',
		intro:
			'Business hours per weekday (several intervals allowed), dated overrides and holidays. Time zone Asia/Jakarta (WIB).',
		list: 'Calendars',
		newCalendar: '+ New calendar',
		id: 'Id (lower-case letters, digits, -)',
		name: 'Name',
		timeZone: 'Time zone',
		weekly: 'Weekly business hours',
		weeklyHint: 'Example: 07:30-12:00, 13:00-16:30. Empty = closed.',
		weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
		overrides: 'Dated overrides',
		overridesHint: 'One line per date: 2026-03-20: 08:00-14:00 — or 2026-03-21: - to close.',
		holidays: 'Holidays',
		holidaysHint: 'Use the empty rows below to add; tick Remove to drop one.',
		holidayCols: { date: 'Date', name: 'Name', source: 'Source', kind: 'Kind', remove: 'Remove' },
		kinds: { national: 'National holiday', cuti_bersama: 'Collective leave', other: 'Other' },
		count: (n: number) => `${n} holiday${n === 1 ? '' : 's'}`
	},
	sla: {
		title: 'SLA policies',
		notice:
			'A change applies to NEW cases. Existing cases keep the policy in force when they were created.',
		intro:
			'Policies match by issue type, priority and channel; the most specific wins. The default policy (all empty) always exists. Targets are in business minutes on the policy’s calendar.',
		cols: {
			id: 'Id',
			name: 'Name',
			issueType: 'Issue type',
			priority: 'Priority',
			channel: 'Channel',
			firstResponse: 'First response (business min)',
			resolution: 'Resolution (business min)',
			atRisk: 'At risk from (%)',
			calendar: 'Calendar'
		},
		newPolicy: 'New policy',
		defaultPolicy: 'default'
	},
	teams: {
		title: 'Teams & agents',
		teams: 'Teams',
		agents: 'Agents',
		newTeam: 'New team',
		newAgent: 'New agent',
		idHint: 'empty = generated',
		teamCols: {
			id: 'Id',
			name: 'Name',
			lead: 'Team lead',
			calendar: 'Notification calendar',
			active: 'Active'
		},
		agentCols: {
			id: 'Id (e.g. PBX id)',
			name: 'Name',
			teams: 'Teams',
			provinces: 'Provinces covered',
			issueTypes: 'Issue types covered',
			active: 'Active'
		},
		multiHint: 'Ctrl/Cmd + click to choose several; none = all.'
	}
};
