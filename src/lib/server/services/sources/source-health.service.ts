/**
 * Health of sources, live (issue 4 §6): per-source minute rings of arrivals and dead letters
 * (fed by `contact-events:appended` and `dead-letter:kept`, rebuilt from the store for the last
 * hour at start), the sources that may be watched (active ingest keys, the configured channels,
 * names seen in the store), and one timer at the next instant a silence judgement may change.
 * When the set of silent sources changes it publishes `sources:silence` for the walls.
 */
import type { SilentSourceV1 } from '../../../contracts/sources';
import { standardCalendar } from '../../../domain/calendar/business-calendar';
import { INDONESIA_HOLIDAYS } from '../../../domain/calendar/holidays-id';
import type { BusinessCalendar } from '../../../domain/calendar/types';
import {
	byConcern,
	quietLimitOf,
	sourceHealth,
	sourceOfDeadLetter,
	type SourceHealth,
	type SourceKind
} from '../../../domain/sources/health';
import { MinuteRing, RING_MINUTES } from '../../../domain/sources/minute-ring';
import { MINUTE_MS, toWibIso } from '../../../domain/time/wib';
import type { Db } from '../../db';
import type { DomainBus } from '../../events/bus';
import { deadLettersSince } from '../../repositories/dead-letter.repository';
import { listIngestKeys } from '../../repositories/ingest-key.repository';
import {
	arrivalsSince,
	lastArrival,
	quietOverrides
} from '../../repositories/source-health.repository';
import type { TimerPort } from '../cases/timers';
import { CASES_SOURCE } from '../cases/commit';

export interface SourceHealthDeps {
	db: Db;
	bus: DomainBus;
	timers: TimerPort;
	/** The standard calendar as stored (its holidays are edited by administrators). */
	calendar(): BusinessCalendar;
	defaultQuietMinutes: number;
	/** The configured channels: AMI's source name and connection, the webhooks. */
	channels: {
		ami: { source: string; connected(): boolean } | null;
		whatsapp: boolean;
		chatwoot: boolean;
	};
	/** How often keys and quiet limits are read again (ms, real time). */
	refreshMs?: number;
}

interface Tracked {
	events: MinuteRing;
	deadLetters: MinuteRing;
	lastEventAt: number | null;
	lastDeadLetterAt: number | null;
}

export interface SourceRow extends SourceHealth {
	quietLimitFrom: 'override' | 'default' | 'none';
}

/** The calendar silence is judged on (sla.md's standard calendar, as administrators keep it). */
const STANDARD = 'standard';

const later = (a: number | null, b: number) => (a === null ? b : Math.max(a, b));

export class SourceHealthMonitor {
	readonly #tracked = new Map<string, Tracked>();
	#keys = new Map<string, number>();
	#overrides = new Map<string, number>();
	#startedAt = 0;
	#silent: SilentSourceV1[] = [];
	#cancel: (() => void) | null = null;
	#refresher: ReturnType<typeof setInterval> | null = null;
	readonly #stops: (() => void)[] = [];

	constructor(private readonly deps: SourceHealthDeps) {}

	async start(): Promise<void> {
		const now = this.deps.timers.now();
		this.#startedAt = now;
		const from = now - RING_MINUTES * MINUTE_MS;
		for (const a of await arrivalsSince(this.deps.db, from)) this.#arrived(a.source, a.at, 1);
		for (const d of await deadLettersSince(this.deps.db, from))
			this.#deadLetter(sourceOfDeadLetter(d.source), d.at);
		await this.refresh();
		this.#stops.push(
			this.deps.bus.on('contact-events:appended', ({ events }) => this.#onEvents(events)),
			this.deps.bus.on('dead-letter:kept', ({ source }) =>
				this.#deadLetter(sourceOfDeadLetter(source), this.deps.timers.now())
			)
		);
		this.#refresher = setInterval(
			() => void this.refresh().catch(logged),
			this.deps.refreshMs ?? 60_000
		);
		this.#refresher.unref?.();
	}

	stop(): void {
		for (const stop of this.#stops.splice(0)) stop();
		this.#cancel?.();
		if (this.#refresher) clearInterval(this.#refresher);
	}

	/** Reads active ingest keys and quiet limits again, then judges every source. */
	async refresh(): Promise<void> {
		const [keys, overrides] = await Promise.all([
			listIngestKeys(this.deps.db),
			quietOverrides(this.deps.db)
		]);
		this.#keys = new Map();
		for (const k of keys)
			if (!k.revokedAt)
				this.#keys.set(
					k.source,
					Math.min(this.#keys.get(k.source) ?? Infinity, k.createdAt.getTime())
				);
		this.#overrides = overrides;
		// A watched source quiet for over an hour: when did it last send? (Once per source.)
		for (const source of this.#names([])) {
			if (this.#tracked.has(source) || this.#kinds(source).includes('internal')) continue;
			const at = await lastArrival(this.deps.db, source);
			const t = this.#track(source);
			if (at !== null) t.lastEventAt = later(t.lastEventAt, at);
		}
		this.evaluate();
	}

	/** Every source's health at `now`, silent ones first; `extra` adds names (dead letters). */
	rows(now: number, extra: string[] = []): SourceRow[] {
		const cal = this.deps.calendar();
		return this.#names(extra)
			.map((source) => this.#row(cal, source, now))
			.sort(byConcern);
	}

	/** The calendar silence is judged on, and the default quiet limit. */
	get calendar(): BusinessCalendar {
		return this.deps.calendar();
	}
	get defaultQuietMinutes(): number {
		return this.deps.defaultQuietMinutes;
	}

	/** The sources the walls warn about now. */
	silent(): SilentSourceV1[] {
		return this.#silent;
	}

	/** Judges every source now; publishes when the silent set changed; arms the next check. */
	evaluate(): void {
		const now = this.deps.timers.now();
		const rows = this.rows(now);
		const silent: SilentSourceV1[] = rows
			.filter((r) => r.silent)
			.map((r) => ({
				source: r.source,
				silentMinutes: r.silentMinutes,
				since: toWibIso(r.since),
				quietMinutes: r.quietMinutes!
			}));
		const key = (list: SilentSourceV1[]) =>
			list.map((s) => `${s.source}@${s.since}/${s.quietMinutes}`).join(',');
		if (key(silent) !== key(this.#silent)) {
			this.#silent = silent;
			this.deps.bus.publish('sources:silence', { at: now, silent });
		}
		this.#arm(rows, now);
	}

	#arm(rows: SourceRow[], now: number): void {
		this.#cancel?.();
		this.#cancel = null;
		const next = Math.min(...rows.map((r) => r.nextCheckAt ?? Infinity));
		if (!Number.isFinite(next)) return;
		this.#cancel = this.deps.timers.setTimer(Math.max(next, now + 1), () => this.evaluate());
	}

	#row(cal: BusinessCalendar, source: string, now: number): SourceRow {
		const kinds = this.#kinds(source);
		const t = this.#tracked.get(source) ?? this.#track(source);
		const quiet = quietLimitOf(kinds, this.#overrides.get(source), this.deps.defaultQuietMinutes);
		const ami = this.deps.channels.ami;
		const health = sourceHealth(
			cal,
			{
				source,
				kinds,
				connected: ami && ami.source === source ? ami.connected() : null,
				lastEventAt: t.lastEventAt,
				lastDeadLetterAt: t.lastDeadLetterAt,
				watchedSince: Math.max(this.#keys.get(source) ?? 0, this.#startedAt),
				quietMinutes: quiet.minutes,
				events: t.events,
				deadLetters: t.deadLetters
			},
			now,
			this.deps.defaultQuietMinutes
		);
		return { ...health, quietLimitFrom: quiet.from };
	}

	#kinds(source: string): SourceKind[] {
		const { ami, whatsapp, chatwoot } = this.deps.channels;
		const kinds: SourceKind[] = [];
		if (this.#keys.has(source)) kinds.push('ingest_key');
		if (ami?.source === source) kinds.push('ami');
		if (source === 'whatsapp' && whatsapp) kinds.push('whatsapp');
		if (source === 'chatwoot' && chatwoot) kinds.push('chatwoot');
		if (source === CASES_SOURCE) kinds.push('internal');
		return kinds.length ? kinds : ['other'];
	}

	#names(extra: string[]): string[] {
		const { ami, whatsapp, chatwoot } = this.deps.channels;
		const names = new Set([...this.#keys.keys(), ...this.#tracked.keys(), ...extra]);
		if (ami) names.add(ami.source);
		if (whatsapp) names.add('whatsapp');
		if (chatwoot) names.add('chatwoot');
		return [...names];
	}

	#track(source: string): Tracked {
		let t = this.#tracked.get(source);
		if (!t) {
			t = {
				events: new MinuteRing(),
				deadLetters: new MinuteRing(),
				lastEventAt: null,
				lastDeadLetterAt: null
			};
			this.#tracked.set(source, t);
		}
		return t;
	}

	#arrived(source: string, at: number, n: number): void {
		const t = this.#track(source);
		t.events.add(at, n);
		t.lastEventAt = later(t.lastEventAt, at);
	}

	#deadLetter(source: string, at: number): void {
		const t = this.#track(source);
		t.deadLetters.add(at);
		t.lastDeadLetterAt = later(t.lastDeadLetterAt, at);
	}

	/** Arrivals count at this clock's instant (a fake clock in tests; the store's in production). */
	#onEvents(events: { source: string }[]): void {
		const now = this.deps.timers.now();
		const bySource = new Map<string, number>();
		for (const e of events) bySource.set(e.source, (bySource.get(e.source) ?? 0) + 1);
		for (const [source, n] of bySource) this.#arrived(source, now, n);
		// A silent source that speaks again clears its warning at once.
		if (this.#silent.some((s) => bySource.has(s.source))) this.evaluate();
	}
}

const logged = (error: unknown) =>
	console.error('sigap: source health refresh failed', (error as Error).message);

/** The monitor of a container: the stored standard calendar, its timers, its channels. */
export async function startSourceHealth(c: {
	database: { db: Db };
	bus: DomainBus;
	cases: { timers: TimerPort; settings(): { calendars: Map<string, BusinessCalendar> } };
	config: { channels: { sourceQuietMinutes: number; ami: { source: string } | null } };
	channels: {
		ami: { status(): { connected: boolean } } | null;
		whatsapp: unknown;
		chatwoot: unknown;
	};
}): Promise<SourceHealthMonitor> {
	const fallback = standardCalendar(INDONESIA_HOLIDAYS);
	const ami = c.channels.ami;
	const amiSource = c.config.channels.ami?.source;
	const monitor = new SourceHealthMonitor({
		db: c.database.db,
		bus: c.bus,
		timers: c.cases.timers,
		calendar: () => c.cases.settings().calendars.get(STANDARD) ?? fallback,
		defaultQuietMinutes: c.config.channels.sourceQuietMinutes,
		channels: {
			ami: ami && amiSource ? { source: amiSource, connected: () => ami.status().connected } : null,
			whatsapp: c.channels.whatsapp !== null,
			chatwoot: c.channels.chatwoot !== null
		}
	});
	await monitor.start();
	return monitor;
}
