/**
 * A deterministic contact-centre history for trend tests, screenshots and the benchmark: calls
 * (answered, abandoned, exited, transferred), chat sessions (bot, hand-off, replies, returns)
 * and cases (responses, resolutions) over a range of WIB days, busiest in business hours and
 * in the populous provinces. Same seed, same events.
 */
import type { ContactEvent } from '../../src/lib/domain/events';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A small seeded PRNG (mulberry32): reproducible without a dependency. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const PROVINCES = [
	'11',
	'12',
	'13',
	'14',
	'15',
	'16',
	'17',
	'18',
	'19',
	'21',
	'31',
	'32',
	'33',
	'34',
	'35',
	'36',
	'51',
	'52',
	'53',
	'61',
	'62',
	'63',
	'64',
	'65',
	'71',
	'72',
	'73',
	'74',
	'75',
	'76',
	'81',
	'82',
	'91',
	'92',
	'93',
	'94',
	'95',
	'96'
];
/** Java and Sumatra call more often (a rough population weight). */
const WEIGHT: Record<string, number> = {
	'31': 6,
	'32': 9,
	'33': 7,
	'35': 8,
	'36': 3,
	'12': 3,
	'73': 2
};
const QUEUES = [
	'usp-admin',
	'usp-operasional',
	'kopdes-lahan',
	'kopdes-tatakelola',
	'kopdes-permodalan',
	'desa-teknis',
	'desa-regulasi',
	'informasi'
];
const ISSUES = [
	'usp_administrasi',
	'usp_operasional',
	'kopdes_lahan',
	'kopdes_tata_kelola',
	'kopdes_permodalan',
	'desa_teknis',
	'desa_regulasi',
	'informasi_umum',
	'lainnya'
];
/** Arrivals by WIB hour of day (business hours busiest). */
const HOURS = [1, 1, 1, 1, 1, 2, 4, 8, 14, 16, 15, 13, 9, 12, 14, 12, 9, 6, 4, 3, 3, 2, 2, 1];

function weighted<T>(rand: () => number, items: readonly T[], weight: (t: T) => number): T {
	const total = items.reduce((s, t) => s + weight(t), 0);
	let r = rand() * total;
	for (const t of items) if ((r -= weight(t)) < 0) return t;
	return items[items.length - 1]!;
}

export interface HistoryOptions {
	/** 00:00 WIB of the first day. */
	from: number;
	days: number;
	contactsPerDay: number;
	seed?: number;
	/** Do not produce events after this instant (a "now"). */
	until?: number;
	/** Prefix of contact ids (histories generated day by day must not reuse ids). */
	prefix?: string;
}

/** Calls `emit` with each contact's events, contact by contact, in time order of arrival. */
export function generateHistory(o: HistoryOptions, emit: (events: ContactEvent[]) => void): void {
	const rand = prng(o.seed ?? 6);
	const until = o.until ?? Infinity;
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
	for (let d = 0; d < o.days; d++) {
		const day = o.from + d * DAY;
		const weekend = new Date(day + 7 * HOUR).getUTCDay() % 6 === 0;
		const n = Math.round(o.contactsPerDay * (weekend ? 0.35 : 1) * (0.8 + rand() * 0.4));
		for (let i = 0; i < n; i++) {
			const hour = weighted(
				rand,
				HOURS.map((_, h) => h),
				(h) => HOURS[h]!
			);
			const at = day + hour * HOUR + Math.floor(rand() * HOUR);
			const province = rand() < 0.03 ? undefined : weighted(rand, PROVINCES, (p) => WEIGHT[p] ?? 1);
			const id = `${o.prefix ?? ''}${d}-${i}`;
			const kind = rand();
			const events =
				kind < 0.6
					? call(rand, pick, id, at, province)
					: kind < 0.9
						? chat(rand, pick, id, at, province)
						: kase(rand, pick, id, at, province);
			const kept = events.filter((e) => e.at <= until);
			if (kept.length) emit(kept);
		}
	}
}

type Pick = <T>(xs: readonly T[]) => T;

function call(rand: () => number, pick: Pick, id: string, at: number, province?: string) {
	const callId = `c${id}`;
	const queue = pick(QUEUES);
	const out: ContactEvent[] = [{ type: 'call.entered', callId, queue, at, province }];
	const r = rand();
	const agent = `${1001 + Math.floor(rand() * 40)}`;
	if (r < 0.74) {
		const wait = Math.round(-Math.log(1 - rand()) * 11);
		const talk = 60 + Math.round(rand() * 360);
		out.push({
			type: 'call.connected',
			callId,
			queue,
			agent,
			at: at + wait * 1000,
			waitSeconds: wait
		});
		out.push({
			type: 'call.completed',
			callId,
			queue,
			agent,
			at: at + (wait + talk) * 1000,
			talkSeconds: talk,
			holdSeconds: Math.round(rand() * 30),
			by: rand() < 0.5 ? 'agent' : 'caller'
		});
	} else if (r < 0.92) {
		const wait = 2 + Math.round(rand() * 150);
		out.push({ type: 'call.abandoned', callId, queue, at: at + wait * 1000, waitSeconds: wait });
	} else if (r < 0.96) {
		out.push({
			type: 'call.exited',
			callId,
			queue,
			at: at + 300_000,
			reason: 'timeout',
			waitSeconds: 300
		});
	} else {
		const wait = 5 + Math.round(rand() * 20);
		out.push({
			type: 'call.transferred',
			callId,
			queue,
			agent,
			at: at + (wait + 90) * 1000,
			waitSeconds: wait,
			talkSeconds: 90
		});
	}
	if (rand() < 0.8)
		out.push({ type: 'call.classified', callId, at: at + 1000, issueType: pick(ISSUES) });
	return out;
}

function chat(rand: () => number, pick: Pick, id: string, at: number, province?: string) {
	const sessionId = `s${id}`;
	const bot = rand() < 0.7;
	const contact = `k${Math.floor(rand() * 5000)}`;
	const issueType = pick(ISSUES);
	const out: ContactEvent[] = [
		{ type: 'chat.started', sessionId, at, bot, contact, province, issueType }
	];
	const handOff = !bot || rand() < 0.35;
	let t = at + 60_000 + Math.floor(rand() * 240_000);
	if (bot && handOff) out.push({ type: 'chat.handed_off', sessionId, at: t });
	if (handOff && rand() < 0.9) {
		t += Math.floor(-Math.log(1 - rand()) * 90_000);
		out.push({
			type: 'chat.agent_replied',
			sessionId,
			agent: `${1001 + Math.floor(rand() * 40)}`,
			at: t
		});
	}
	t += 120_000 + Math.floor(rand() * 600_000);
	out.push({
		type: 'chat.ended',
		sessionId,
		at: t,
		by: handOff ? 'agent' : rand() < 0.8 ? 'bot' : 'contact'
	});
	return out;
}

function kase(rand: () => number, pick: Pick, id: string, at: number, province?: string) {
	const caseId = `k${id}`;
	const out: ContactEvent[] = [
		{ type: 'case.opened', caseId, at, province, issueType: pick(ISSUES), origin: 'ticket' }
	];
	if (rand() < 0.85)
		out.push({ type: 'case.responded', caseId, at: at + Math.floor(rand() * 2 * DAY) });
	if (rand() < 0.7)
		out.push({ type: 'case.resolved', caseId, at: at + Math.floor((0.2 + rand() * 8) * DAY) });
	return out;
}

/** Events as the ingest API takes them (ids from the contact and position). */
export function toWireEvents(events: ContactEvent[]): Record<string, unknown>[] {
	return events.map((e, i) => {
		const contact =
			'callId' in e ? e.callId : 'sessionId' in e ? e.sessionId : 'caseId' in e ? e.caseId : 'x';
		return { ...e, id: `${contact}-${i}-${e.type}`, at: new Date(e.at).toISOString() };
	});
}
