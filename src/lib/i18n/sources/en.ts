/** English for source health and dead letters (same keys as id.ts). */
import type { SourcesDictionary } from './id';

export const sourcesEn: SourcesDictionary = {
	title: 'Data sources',
	intro:
		'Every source that sends events: connection or reception, last event, rates per minute (last 15 minutes). Silence is judged only in business hours of the standard calendar, in business minutes.',
	asOf: 'As of',
	wib: 'WIB',
	businessOpen: 'Business hours: open (silence watched)',
	businessClosed: 'Outside business hours: silence not watched',
	cols: {
		source: 'Source',
		kinds: 'Path',
		state: 'State',
		lastEvent: 'Last event (WIB)',
		eventsPerMinute: 'Events/min',
		deadLettersPerMinute: 'Dead letters/min',
		waiting: 'Dead letters waiting',
		quiet: 'Quiet limit (business min)'
	},
	kinds: {
		ingest_key: 'ingest key',
		ami: 'AMI',
		whatsapp: 'WhatsApp',
		chatwoot: 'Chatwoot',
		internal: 'internal',
		other: 'other'
	},
	states: {
		connected: 'connected',
		disconnected: 'disconnected',
		receiving: 'receiving',
		silent: 'silent',
		idle: 'quiet'
	},
	silentFor: (m: number) => `silent ${m} min`,
	never: 'never',
	quietDefault: (m: number) => `default (${m})`,
	quietOff: 'not watched',
	quietHint: 'Empty = default; 0 = never warn.',
	save: 'Save',
	saved: 'Saved.',
	deadLetters: 'Dead letters',
	deadLettersIntro:
		'What an adapter received but could not understand, kept as it came. After a fix, reprocess: what succeeds leaves the list; what still fails records its new reason.',
	waitingTotal: (n: number) => `${n} dead letter${n === 1 ? '' : 's'} waiting`,
	showList: 'Show list',
	reprocess: 'Reprocess',
	reprocessAll: 'Reprocess all',
	reprocessSource: (s: string) => `Reprocess all from ${s}`,
	report: (r: { reprocessed: number; stillFailing: number; stored: number; more: boolean }) =>
		`${r.reprocessed} done, ${r.stillFailing} still failing, ${r.stored} new events stored${r.more ? '; more waiting' : ''}.`,
	allSources: 'all sources',
	filter: 'Filter',
	letterCols: {
		id: '#',
		received: 'Received (WIB)',
		source: 'Source',
		reason: 'Reason',
		payload: 'Payload (cut)',
		attempts: 'Attempts'
	},
	lastAttempt: 'Last tried',
	none: 'No dead letters waiting.',
	older: 'Older →',
	back: '← Data sources',
	wallSilent: 'Source silent',
	minutes: (m: number) => `${m} min`
};
