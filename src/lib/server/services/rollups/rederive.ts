/**
 * Re-derives contacts from their stored events with the live engine's reducers and moves the
 * difference into the rollup cells (issue 6 §Rollups: "a late event for an old day re-derives
 * that contact and adjusts the rows" — exactness over speed). Chat sessions of the same
 * contact key are derived together, because the 24 h return rule (metrics.md §Chat) makes one
 * session's containment depend on the next session's start.
 */
import type { ContactEvent } from '../../../domain/events';
import { deriveFacts, sameFacts, type ContactFacts } from '../../../domain/metrics/facts';
import type { MetricsSettings } from '../../../domain/metrics/settings';
import { cellDeltas, mergeDeltas, type CellDelta } from '../../../domain/trends/cells';
import type { CaseSlaEvaluator } from '../../../domain/sla/types';
import type { Db } from '../../db';
import {
	chatSessionsOf,
	readContactEvents,
	readFacts,
	refKey,
	updateFacts,
	type ContactRef
} from '../../repositories/rollup.repository';

const DAY = 86_400_000;

export interface RederiveDeps {
	db: Db;
	settings(): MetricsSettings;
	sla(): CaseSlaEvaluator | undefined;
}

export interface RederiveOptions {
	/** Leave the cells of this range alone (a rebuild recounts them from the facts after). */
	recountLater?: { from: number; to: number };
	watermark?: { name: string; value: number };
}

export interface RederiveResult {
	contacts: number;
	changed: number;
	/** First-response samples a cell should have held but did not (drift: rebuild). */
	missing: number;
}

function span(events: readonly ContactEvent[]): { from: number; to: number } {
	let from = Infinity;
	let to = -Infinity;
	for (const e of events) {
		from = Math.min(from, e.at);
		to = Math.max(to, e.at);
	}
	return { from, to };
}

const chatKeyOf = (e: ContactEvent) => (e.type === 'chat.started' ? (e.contact ?? null) : null);

/**
 * The other sessions of the chat contacts among `refs`: those started within 48 h of the
 * changed sessions' events, so that every session whose containment can change is derived
 * with every session that decides it. Returns them and the window to write back.
 */
async function relatedChats(
	db: Db,
	refs: readonly ContactRef[],
	events: readonly ContactEvent[],
	stored: Map<string, ContactFacts>
): Promise<{ related: ContactRef[]; writable: { from: number; to: number } } | null> {
	const keys = new Set<string>();
	for (const e of events) {
		const key = chatKeyOf(e);
		if (key) keys.add(key);
	}
	for (const r of refs) {
		const key = stored.get(refKey(r))?.chat?.contact;
		if (key) keys.add(key);
	}
	const chatEvents = events.filter((e) => e.type.startsWith('chat.'));
	if (keys.size === 0 || chatEvents.length === 0) return null;
	const { from, to } = span(chatEvents);
	const own = new Set(refs.map(refKey));
	const found = await chatSessionsOf(db, [...keys], from - 2 * DAY, to + 2 * DAY);
	return {
		related: found.filter((r) => !own.has(refKey(r))),
		// A session ending here has every session that can un-contain it loaded.
		writable: { from: from - 2 * DAY, to: to + DAY }
	};
}

const sameSpan = (a: ContactFacts, b: ContactFacts) =>
	JSON.stringify(a.chat) === JSON.stringify(b.chat);

/** Re-derives `refs` (and the chat sessions they affect) and stores what changed. */
export async function rederive(
	deps: RederiveDeps,
	refs: readonly ContactRef[],
	options: RederiveOptions = {}
): Promise<RederiveResult> {
	const { db } = deps;
	const events = await readContactEvents(db, refs);
	const stored = await readFacts(db, refs);
	const chats = await relatedChats(db, refs, events, stored);
	const toWrite = new Set(refs.map(refKey));
	if (chats && chats.related.length) {
		events.push(...(await readContactEvents(db, chats.related)));
		for (const [k, v] of await readFacts(db, chats.related)) stored.set(k, v);
	}
	const derived = deriveFacts(events, deps.settings(), deps.sla()).filter((c) => {
		const end = c.chat?.endedAt;
		if (toWrite.has(refKey(c))) return true;
		return !!chats && end != null && end >= chats.writable.from && end <= chats.writable.to;
	});
	const keep = options.recountLater;
	const outside = (d: CellDelta) => !keep || d.start < keep.from || d.start >= keep.to;
	const { changed, missing } = await updateFacts(
		db,
		derived,
		(current) => {
			const contacts: ContactFacts[] = [];
			const deltas: CellDelta[] = [];
			for (const c of derived) {
				const before = current.get(refKey(c));
				if (before && sameFacts(before.facts, c.facts) && sameSpan(before, c)) continue;
				contacts.push(c);
				deltas.push(...cellDeltas(before?.facts ?? [], c.facts));
			}
			return { contacts, deltas: mergeDeltas(deltas).filter(outside) };
		},
		options.watermark
	);
	return { contacts: refs.length, changed, missing };
}
