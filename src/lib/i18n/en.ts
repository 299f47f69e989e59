/** English; must have exactly the keys of `id.ts` (the type says so). */
import type { Dictionary } from './id';

export const en: Dictionary = {
	appName: 'Sigap',
	appTagline: 'Operations dashboard of the Ministry of Cooperatives contact center',
	homeWallLink: 'National wall display',
	homeRegionalTitle: 'Provincial wall displays',
	homeIssueTitle: 'Wall displays by issue type',
	homePagesTitle: 'Your pages',
	homeBookmarkHint: 'Every wall is an address you can bookmark.',
	switchLang: 'Bahasa Indonesia',
	switchLangCode: 'id',
	national: 'National',
	allIssueTypes: 'All issue types',
	unknownProvince: 'Unknown province',
	unknownIssueType: 'Unknown issue type',
	connection: {
		live: 'LIVE',
		stale: 'NOT LIVE',
		offline: 'DISCONNECTED',
		connecting: 'CONNECTING…'
	},
	asOf: 'data as of',
	wib: 'WIB',
	staleTitle: 'DATA NOT LIVE',
	staleReason: {
		offline: 'connection lost',
		connecting: 'not connected to the server yet',
		live: 'no update for more than 10 seconds'
	},
	staleLast: 'last data',
	none: '—',
	durationUnit: 'min:sec',
	tiles: {
		callsWaiting: 'Calls waiting',
		longestWait: 'Longest wait',
		serviceLevel: 'Service level today',
		abandonRate: 'Abandon rate',
		asa: 'ASA (avg. speed of answer)',
		chatsWaiting: 'Chats waiting',
		botContainment: 'Bot containment',
		openCases: 'Open cases',
		atRisk: 'Cases at risk',
		breached: 'Cases breached'
	},
	defs: {
		callsWaiting: 'Calls in queue now',
		longestWait: (t: number) =>
			`Age of the oldest waiting call, from queue entry; threshold ${t} s`,
		serviceLevel: (t: number, goal: number) =>
			`Answered ≤ ${t} s ÷ (offered − short abandons) · goal ${goal} %`,
		abandonRate: (s: number) =>
			`Hung up after waiting ≥ ${s} s ÷ (offered − short abandons), today`,
		asa: 'Mean wait of answered calls, today',
		chatsWaiting: 'Chats handed to a person, no agent reply yet',
		botContainment: 'Closed by the bot, no hand-off, no new session ≤ 24 h ÷ bot sessions ended',
		openCases: 'Cases not resolved or closed, now; opened & resolved: today',
		atRisk: 'Open cases with an SLA clock at risk',
		breached: 'Open cases past an SLA target'
	},
	sub: {
		agents: (available: string, loggedIn: string) => `${available} of ${loggedIn} agents available`,
		slCounts: (within: string, base: string) => `${within} of ${base} calls`,
		shortAbandons: (n: string, s: number) => `short abandons (< ${s} s): ${n}`,
		aht: (aht: string) => `AHT ${aht}`,
		ahtTalkOnly: 'talk time only',
		chatLongest: (wait: string) => `longest ${wait}`,
		botCounts: (contained: string, ended: string) => `${contained} of ${ended} bot sessions`,
		openedResolved: (opened: string, resolved: string) => `opened ${opened} · resolved ${resolved}`
	},
	tone: {
		good: 'on target',
		warn: 'needs attention',
		bad: 'below target',
		neutral: ''
	},
	health: { good: 'good', warn: 'warning', bad: 'bad', idle: 'no activity' },
	gridTitle: 'Provinces',
	gridHealthNote: 'colour = worst of service level & backlog',
	gridCounts: { waiting: 'wait', contacts: 'contacts', breached: 'breach' },
	gridCountsNote: 'waiting · contacts today · SLA breached',
	selected: 'selected',
	issueTitle: 'By issue type, today',
	issueCols: {
		type: 'Type',
		contacts: 'Contacts',
		waiting: 'Waiting',
		backlog: 'Open',
		breached: 'Breached'
	},
	issueMore: (n: number) => `+${n} more types`,
	issueEmpty: 'No contacts yet today',
	chartTitle: 'Last 60 minutes, per minute (WIB)',
	chartEmpty: 'No data in the last 60 minutes yet',
	series: {
		callsOffered: 'Calls offered',
		callsAnswered: 'Answered',
		callsAbandoned: 'Abandoned',
		chatsStarted: 'Chats started',
		casesOpened: 'Cases opened'
	}
};
