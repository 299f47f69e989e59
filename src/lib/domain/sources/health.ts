/**
 * Health of one source (issue 4 §6): connected or receiving, last event, events and dead
 * letters per minute over the last 15 minutes, and the silence judgement the wall warns on.
 * A source is a name events are stored under: an ingest key's source (queue_log tails, other
 * senders), the AMI source, `whatsapp`, `chatwoot`; `cases` is Sigap's own. Pure.
 */
import type { BusinessCalendar } from '../calendar/types';
import type { MinuteRing } from './minute-ring';
import { isReceiving, judgeSilence, type Silence } from './silence';

/** The window of the per-minute rates (issue 4 §6). */
export const RATE_WINDOW_MINUTES = 15;

/** How events reach Sigap under this source name (one name may have several, e.g. AMI + tail). */
export type SourceKind = 'ingest_key' | 'ami' | 'whatsapp' | 'chatwoot' | 'internal' | 'other';

export interface SourceFacts {
	source: string;
	kinds: SourceKind[];
	/** The AMI connection; null for sources that push to Sigap (webhooks, the ingest API). */
	connected: boolean | null;
	lastEventAt: number | null;
	lastDeadLetterAt: number | null;
	watchedSince: number;
	/** In force: the override, else the default for watched kinds; null: not watched. */
	quietMinutes: number | null;
	events: MinuteRing;
	deadLetters: MinuteRing;
}

export interface SourceHealth extends Silence {
	source: string;
	kinds: SourceKind[];
	connected: boolean | null;
	/** An event arrived within the quiet limit (wall-clock). */
	receiving: boolean;
	lastEventAt: number | null;
	lastDeadLetterAt: number | null;
	eventsPerMinute: number;
	deadLettersPerMinute: number;
	quietMinutes: number | null;
}

/** The source a dead letter counts for: AMI keeps its letters as `ami:<source>`. */
export function sourceOfDeadLetter(name: string): string {
	return name.startsWith('ami:') ? name.slice(4) : name;
}

/** Sigap's own events (cases) and names seen only in the store are shown, not watched. */
const WATCHED: ReadonlySet<SourceKind> = new Set(['ingest_key', 'ami', 'whatsapp', 'chatwoot']);

/**
 * The quiet limit in force: a per-source override (0: never warn), else the default for the
 * kinds that feed the wall from outside, else none.
 */
export function quietLimitOf(
	kinds: readonly SourceKind[],
	override: number | undefined,
	defaultMinutes: number
): { minutes: number | null; from: 'override' | 'default' | 'none' } {
	if (override !== undefined) return { minutes: override > 0 ? override : null, from: 'override' };
	return kinds.some((k) => WATCHED.has(k))
		? { minutes: defaultMinutes, from: 'default' }
		: { minutes: null, from: 'none' };
}

/** One source's health at `now` on the standard calendar (issue 4 §6). */
export function sourceHealth(
	cal: BusinessCalendar,
	facts: SourceFacts,
	now: number,
	defaultQuietMinutes: number
): SourceHealth {
	const silence = judgeSilence(cal, {
		lastEventAt: facts.lastEventAt,
		watchedSince: facts.watchedSince,
		quietMinutes: facts.quietMinutes,
		now
	});
	return {
		source: facts.source,
		kinds: facts.kinds,
		connected: facts.connected,
		receiving: isReceiving(facts.lastEventAt, facts.quietMinutes, now, defaultQuietMinutes),
		lastEventAt: facts.lastEventAt,
		lastDeadLetterAt: facts.lastDeadLetterAt,
		eventsPerMinute: facts.events.perMinute(now, RATE_WINDOW_MINUTES),
		deadLettersPerMinute: facts.deadLetters.perMinute(now, RATE_WINDOW_MINUTES),
		quietMinutes: facts.quietMinutes,
		...silence
	};
}

/** Silent sources first (longest silence first), then by name: the order pages show. */
export function byConcern(a: SourceHealth, b: SourceHealth): number {
	if (a.silent !== b.silent) return a.silent ? -1 : 1;
	if (a.silent && a.silentMinutes !== b.silentMinutes) return b.silentMinutes - a.silentMinutes;
	return a.source.localeCompare(b.source);
}
