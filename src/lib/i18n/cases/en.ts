/** English for the cases pages; must have exactly the keys of `id.ts` (the type says so). */
import type { CasesDictionary } from './id';

export const casesEn: CasesDictionary = {
	queueTitle: 'Case work queue',
	queueHint: 'Open cases, breached first, then least time left.',
	newCase: 'New case',
	wallLink: 'Wall display',
	home: 'Home',
	filters: {
		province: 'Province',
		issueType: 'Issue type',
		team: 'Team',
		assignee: 'Assignee',
		state: 'SLA state',
		channel: 'Channel'
	},
	all: 'All',
	unassigned: 'Unassigned',
	noTeam: 'No team',
	clearFilters: 'Clear all filters',
	applyFilters: 'Apply filters',
	states: {
		on_track: 'on track',
		at_risk: 'at risk',
		breached: 'breached',
		met: 'met',
		met_late: 'met late'
	},
	channels: { call: 'Call', chat: 'Chat', ticket: 'Ticket / letter' },
	statuses: {
		new: 'New',
		assigned: 'Assigned',
		in_progress: 'In progress',
		waiting_on_reporter: 'Waiting on reporter',
		resolved: 'Resolved',
		closed: 'Closed'
	},
	priorities: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
	reporterTypes: {
		public: 'Member of the public',
		member: 'Cooperative member',
		manager: 'Cooperative manager'
	},
	cols: {
		select: 'Select',
		number: 'Case no.',
		timeLeft: 'Time left',
		state: 'SLA',
		province: 'Province',
		issueType: 'Type',
		subject: 'Subject',
		team: 'Team',
		assignee: 'Assignee',
		status: 'Status'
	},
	late: 'late',
	left: 'left',
	paused: 'paused (waiting on reporter)',
	noClock: 'no clock',
	units: { day: 'd', hour: 'h' },
	shown: (shown: string, total: string) => `${shown} of ${total} cases`,
	empty: 'No open cases for these filters.',
	selectAll: 'Select all shown',
	reassign: {
		title: 'Reassign cases',
		selected: (n: number) => `${n} case${n === 1 ? '' : 's'} selected`,
		toAgent: 'To agent',
		toTeam: 'To team',
		keep: '— unchanged —',
		reason: 'Reason (required)',
		actor: 'Your name (team lead)',
		submit: 'Reassign',
		sending: 'Sending…',
		reasonRequired: 'A reason is required.',
		targetRequired: 'Choose an agent or a team.',
		noneSelected: 'Select at least one case.',
		inactive: 'inactive',
		never: 'Reassignment never resets or pauses an SLA clock.'
	},
	results: {
		title: 'Reassignment results',
		ok: 'reassigned',
		conflict: 'conflict',
		not_found: 'not found',
		invalid: 'refused',
		refresh: 'Refresh the list',
		summary: (ok: number, failed: number) => `${ok} succeeded, ${failed} failed`
	},
	live: {
		live: 'LIVE',
		connecting: 'CONNECTING…',
		offline: 'DISCONNECTED — list not updating'
	},
	asOf: 'data as of',
	wib: 'WIB'
};
