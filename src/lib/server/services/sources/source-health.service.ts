/**
 * Health of sources, live (issue 4 §6): per-source minute rings of arrivals and dead letters
 * (fed by `contact-events:appended` and `dead-letter:kept`, rebuilt from the store for the last
 * hour at start), the sources that may be watched (active ingest keys, the configured channels,
 * names seen in the store), and one timer at the next instant a silence judgement may change.
 * When the set of silent sources changes it publishes `sources:silence` for the walls.
 */
import type { SilentSourceV1 } from '../../../contracts/sources';
import type { BusinessCalendar } from '../../../domain/calendar/types';
import {
	byConcern,
	quietLimitOf,
	sourceHealth,
	sourceOfDeadLetter,
	type SourceHealth,
	type SourceKind
} from '../../../domain/sources/health';
import { SourceLedger } from '../../../domain/sources/ledger';
import { RING_MINUTES } from '../../../domain/sources/minute-ring';
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

export interface SourceRow extends SourceHealth {
	quietLimitFrom: 'override' | 'default' | 'none';
}

export class SourceHealthMonitor {
	readonly #ledger = new SourceLedger();
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
		for (const a of await arrivalsSince(this.deps.db, from)) this.#ledger.arrived(a.source, a.at);
		for (const d of await deadLettersSince(this.deps.db, from))
			this.#ledger.deadLetter(sourceOfDeadLetter(d.source), d.at);
		await this.refresh();
		this.#stops.push(
			this.deps.bus.on('contact-events:appended', ({ events }) => this.#onEvents(events)),
			this.deps.bus.on('dead-letter:kept', ({ source }) =>
				this.#ledger.deadLetter(sourceOfDeadLetter(source), this.deps.timers.now())
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
			if (this.#ledger.has(source) || this.#kinds(source).includes('internal')) continue;
			const at = await lastArrival(this.deps.db, source);
			if (at === null) this.#ledger.track(source);
			else this.#ledger.lastSeen(source, at);
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

	/** The sources the walls warn about now, with their minutes now (for a wall that joins). */
	silent(): SilentSourceV1[] {
		return silentOf(this.rows(this.deps.timers.now()));
	}

	/** Judges every source now; publishes when the silent set changed; arms the next check. */
	evaluate(): void {
		const now = this.deps.timers.now();
		const rows = this.rows(now);
		const silent = silentOf(rows);
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
		const t = this.#ledger.track(source);
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
		const names = new Set([...this.#keys.keys(), ...this.#ledger.names(), ...extra]);
		if (ami) names.add(ami.source);
		if (whatsapp) names.add('whatsapp');
		if (chatwoot) names.add('chatwoot');
		return [...names];
	}

	/** Arrivals count at this clock's instant (a fake clock in tests; the store's in production). */
	#onEvents(events: { source: string }[]): void {
		const now = this.deps.timers.now();
		const bySource = new Map<string, number>();
		for (const e of events) bySource.set(e.source, (bySource.get(e.source) ?? 0) + 1);
		for (const [source, n] of bySource) this.#ledger.arrived(source, now, n);
		// A silent source that speaks again clears its warning at once.
		if (this.#silent.some((s) => bySource.has(s.source))) this.evaluate();
	}
}

function silentOf(rows: SourceRow[]): SilentSourceV1[] {
	return rows
		.filter((r) => r.silent)
		.map((r) => ({
			source: r.source,
			silentMinutes: r.silentMinutes,
			since: toWibIso(r.since),
			quietMinutes: r.quietMinutes!
		}));
}

const logged = (error: unknown) =>
	console.error('sigap: source health refresh failed', (error as Error).message);
