/**
 * The contacts behind a trend number (issue 6 "every number drills down"): the calls, chat
 * sessions or cases with a fact in the range under the filter — the very facts the number
 * sums — with what the event store holds of each.
 */
import { CHANNELS, type Channel, type ContactEvent } from '../../../domain/events';
import { F, FIRST_RESPONSE_VALUE } from '../../../domain/metrics/fields';
import type { Fact } from '../../../domain/metrics/facts';
import type { MetricsFilter } from '../../../domain/metrics/figures';
import { cellMatches } from '../../../domain/trends/cells';
import { wibHour, wibWeekday } from '../../../domain/trends/periods';
import type { Container } from '../../container';
import { readContactEvents, refKey } from '../../repositories/rollup.repository';
import { contactsIn, type TrendScope } from '../../repositories/trend.repository';
import { filterProblem } from './scope';
import { trendInstant } from './trend-query';

/** Rows listed at most (the page says when the list is cut). */
export const CONTACT_LIMIT = 500;

export interface ContactRow {
	channel: Channel;
	id: string;
	province: string;
	issueType: string;
	queues: string[];
	firstAt: number;
	lastAt: number;
	/** Outcome words from the facts: `answered`, `abandoned`, `contained`, `resolved`, … */
	outcomes: string[];
	events: string[];
}

export interface ContactList {
	from: number;
	to: number;
	filter: MetricsFilter;
	rows: ContactRow[];
	truncated: boolean;
}

const OUTCOME: Record<number, string> = {
	[F.answered]: 'answered',
	[F.abandoned]: 'abandoned',
	[F.shortAbandons]: 'short_abandon',
	[F.exited]: 'exited',
	[F.sessions]: 'session',
	[F.handOffs]: 'handed_off',
	[F.botContained]: 'bot_contained',
	[F.missed]: 'missed',
	[F.firstResponseCount]: 'replied',
	[F.casesOpened]: 'opened',
	[F.casesResolved]: 'resolved',
	[F.firstResponseMetInTime]: 'responded_in_time',
	[F.resolutionMetInTime]: 'resolved_in_time'
};

function rowOf(channel: Channel, id: string, facts: Fact[], events: ContactEvent[]): ContactRow {
	const total = facts.find((f) => f.queue === '') ?? facts[0]!;
	const outcomes = [...new Set(facts.map((f) => OUTCOME[f.field]).filter((o) => o !== undefined))];
	return {
		channel,
		id,
		province: total.province,
		issueType: total.issueType,
		queues: [...new Set(facts.map((f) => f.queue).filter(Boolean))],
		firstAt: Math.min(...facts.map((f) => f.at)),
		lastAt: Math.max(...facts.map((f) => f.at)),
		outcomes,
		events: events.map((e) => e.type)
	};
}

const FILTER_KEYS = ['province', 'issueType', 'channel', 'queue'] as const;

/** The list for the URL's parameters, or the first problem with them. */
export async function contactList(
	c: Pick<Container, 'database' | 'rollups' | 'reference'>,
	params: URLSearchParams,
	scope?: TrendScope
): Promise<{ ok: true; list: ContactList } | { ok: false; message: string; status: 400 | 403 }> {
	const from = trendInstant(params.get('from') ?? '', false);
	const to = trendInstant(params.get('to') ?? '', true);
	if (from === null || to === null || to <= from)
		return {
			ok: false,
			status: 400,
			message: 'from and to: dates or ISO instants, from before to'
		};
	const filter: MetricsFilter = {};
	for (const key of FILTER_KEYS) {
		const v = params.get(key);
		if (v) (filter as Record<string, string>)[key] = v;
	}
	if (filter.channel && !CHANNELS.includes(filter.channel))
		return { ok: false, status: 400, message: `channel: must be one of ${CHANNELS.join(', ')}` };
	const problem = filterProblem(filter, scope, c);
	if (problem) return { ok: false, ...problem };
	await c.rollups.flush();
	const weekday = params.get('weekday');
	const hour = params.get('hour');
	const inSlot = (at: number) =>
		(weekday === null || wibWeekday(at) === Number(weekday)) &&
		(hour === null || wibHour(at) === Number(hour));
	const matching = (f: Fact) =>
		f.field !== FIRST_RESPONSE_VALUE &&
		f.at >= from &&
		f.at < to &&
		inSlot(f.at) &&
		cellMatches({ ...f, grain: 'day', start: 0 }, filter);
	const found: { channel: Channel; id: string; facts: Fact[] }[] = [];
	for (const channel of filter.channel ? [filter.channel] : CHANNELS) {
		const candidates = await contactsIn(c.database.db, {
			from,
			to,
			channel,
			province: filter.province,
			issueType: filter.issueType,
			scope,
			limit: CONTACT_LIMIT * 4
		});
		for (const k of candidates) {
			const facts = k.facts.filter(matching);
			if (facts.length) found.push({ channel, id: k.id, facts });
		}
	}
	found.sort(
		(a, b) => Math.min(...a.facts.map((f) => f.at)) - Math.min(...b.facts.map((f) => f.at))
	);
	const shown = found.slice(0, CONTACT_LIMIT);
	const events = await readContactEvents(c.database.db, shown);
	const byContact = new Map<string, ContactEvent[]>();
	for (const e of events) {
		const key = e.type.startsWith('chat.')
			? `chat|${(e as { sessionId: string }).sessionId}`
			: e.type.startsWith('case.')
				? `ticket|${(e as { caseId: string }).caseId}`
				: `call|${(e as { callId: string }).callId}`;
		byContact.set(key, [...(byContact.get(key) ?? []), e]);
	}
	return {
		ok: true,
		list: {
			from,
			to,
			filter,
			rows: shown.map((k) => rowOf(k.channel, k.id, k.facts, byContact.get(refKey(k)) ?? [])),
			truncated: found.length > CONTACT_LIMIT
		}
	};
}
