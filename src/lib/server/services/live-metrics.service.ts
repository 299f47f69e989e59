/**
 * The live state (DESIGN.md flow): one MetricsEngine in memory, rebuilt from the store at
 * start, fed by every newly stored event, pruned to the retention window. Figures for
 * ranges older than what is kept in memory are computed by folding the stored events of
 * that range into a fresh engine — the same reducers, so the same numbers.
 */
import type { ContactEvent, StoredEvent } from '../../domain/events';
import { MetricsEngine } from '../../domain/metrics/engine';
import type { MetricsSettings } from '../../domain/metrics/settings';
import type { CaseSlaEvaluator } from '../../domain/sla/types';
import type { MetricsFigures, MetricsFilter, WallScope, WallView } from '../../contracts/metrics';
import type { DomainBus } from '../events/bus';
import { openCaseAges, type OpenCaseAge } from '../../domain/trends/backlog';

const DAY = 86_400_000;
/** A queue phase can start a day before it ends; chat containment looks 24 h ahead. */
const LOOKAROUND = DAY;

export type EventSource = (range: {
	from: number;
	to: number;
	channel?: 'call' | 'chat' | 'ticket';
}) => AsyncIterable<StoredEvent[]>;

export interface LiveMetricsDeps {
	settings: MetricsSettings;
	sla?: CaseSlaEvaluator;
	readEvents: EventSource;
	bus: DomainBus;
	now(): number;
	retentionMs: number;
}

export class LiveMetrics {
	#engine: MetricsEngine;
	#keptFrom = 0;
	#pruneTimer: ReturnType<typeof setInterval> | null = null;

	constructor(private deps: LiveMetricsDeps) {
		this.#engine = new MetricsEngine(deps.settings, { sla: deps.sla });
	}

	/** The settings the engine counts with now (the trend rollups derive with the same). */
	get settings(): MetricsSettings {
		return this.deps.settings;
	}

	/** The SLA evaluator the engine counts with now. */
	get sla(): CaseSlaEvaluator | undefined {
		return this.deps.sla;
	}

	/** Open cases now within the filter, with their business age (trends backlog). */
	openCaseAges(filter: MetricsFilter): OpenCaseAge[] {
		return openCaseAges(this.#engine, filter, this.deps.now());
	}

	/** Loads the retention window (and every case event: open cases never age out). */
	async rebuild(): Promise<number> {
		const now = this.deps.now();
		this.#keptFrom = now - this.deps.retentionMs;
		let n = 0;
		for (const channel of ['call', 'chat'] as const) {
			n += await this.#fold(this.#engine, {
				from: this.#keptFrom - LOOKAROUND,
				to: now + DAY,
				channel
			});
		}
		n += await this.#fold(this.#engine, { from: 0, to: now + DAY, channel: 'ticket' });
		this.deps.bus.on('contact-events:appended', ({ events }) => this.apply(events));
		this.#pruneTimer = setInterval(() => this.#prune(), 3600_000);
		this.#pruneTimer.unref();
		return n;
	}

	apply(events: StoredEvent[]): void {
		for (const { event } of events) this.#engine.apply(event);
		this.deps.bus.publish('metrics:changed', { at: this.deps.now() });
	}

	wallView(scope: WallScope): WallView {
		return this.#engine.wallView(scope, this.deps.now());
	}

	setSettings(settings: MetricsSettings): void {
		this.deps.settings = settings;
		this.#engine.setSettings(settings);
		this.deps.bus.publish('metrics:changed', { at: this.deps.now() });
	}

	/** A new SLA evaluator (calendars or policies edited): cases are evaluated again under it. */
	setSla(sla: CaseSlaEvaluator): void {
		this.deps.sla = sla;
		this.#engine.setSla(sla);
		this.deps.bus.publish('metrics:changed', { at: this.deps.now() });
	}

	/** Figures for [from, to): from memory when the range is kept, else from the store. */
	async figures(query: MetricsFilter & { from: number; to: number }): Promise<MetricsFigures> {
		const now = this.deps.now();
		if (query.from >= this.#keptFrom) return this.#engine.figures(query, now);
		const engine = new MetricsEngine(this.deps.settings, { sla: this.deps.sla });
		await this.#fold(engine, { from: query.from - LOOKAROUND, to: query.to + LOOKAROUND });
		await this.#fold(engine, { from: 0, to: query.from - LOOKAROUND, channel: 'ticket' });
		return engine.figures(query, now);
	}

	close(): void {
		if (this.#pruneTimer) clearInterval(this.#pruneTimer);
	}

	#prune(): void {
		this.#keptFrom = this.deps.now() - this.deps.retentionMs;
		this.#engine.prune(this.#keptFrom);
	}

	async #fold(engine: MetricsEngine, range: Parameters<EventSource>[0]): Promise<number> {
		let n = 0;
		for await (const page of this.deps.readEvents(range)) {
			for (const { event } of page) engine.apply(event as ContactEvent);
			n += page.length;
		}
		return n;
	}
}
