/**
 * The composition root (DESIGN.md): database, reference data, bus, live metrics and the
 * use cases, built once per process. Routes, socket handlers and the CLI take what they
 * need from here; nothing else constructs services.
 */
import { startChannels, type Channels } from './channels';
import type { Config } from './config';
import { openDatabase, type Database } from './db';
import { relayAccessChanges } from './events/access-relay';
import { DomainBus } from './events/bus';
import { appendEvents, readEvents, type NewEvent } from './repositories/event.repository';
import { sourceOfKey } from './repositories/ingest-key.repository';
import {
	loadQueues,
	registerQueues,
	loadReference,
	seedReference,
	type QueueRow
} from './repositories/reference.repository';
import { startCaseRuntime, type CaseRuntime } from './services/cases/runtime';
import { loadSlaSettings, seedCaseData } from './services/cases/sla-settings';
import { ingestEvents } from './services/ingest-events.service';
import { LiveMetrics } from './services/live-metrics.service';
import { RollupWriter } from './services/rollups/rollup-writer';
import {
	startSourceHealth,
	type SourceHealthMonitor
} from './services/sources/start-source-health';
import type { Reference } from '../contracts/reference';
import type { MetricsSettings } from '../domain/metrics/settings';
import { UNKNOWN, type StoredEvent } from '../domain/events';

const QUEUE_REREAD_MS = 2000;
/** Names a queue may have to be registered automatically (as `sigap queue add` accepts). */
const QUEUE_NAME = /^[A-Za-z0-9._-]{1,80}$/;

export interface Clock {
	now(): number;
	/**
	 * Optional timer at an instant of THIS clock (a fake clock in tests drives the SLA scheduler
	 * with it); absent: `setTimeout` against `now()`. Returns a cancel function.
	 */
	setTimer?(at: number, fn: () => void): () => void;
}
export const systemClock: Clock = { now: () => Date.now() };

export interface Container {
	config: Config;
	database: Database;
	reference: Reference;
	queues: QueueRow[];
	bus: DomainBus;
	live: LiveMetrics;
	/** The trend rollups, kept up to date from the bus (`await rollups.flush()` before reading). */
	rollups: RollupWriter;
	clock: Clock;
	/** Cases: SLA settings from the database, the scheduler, teams and agents (issue 3). */
	cases: CaseRuntime;
	/** Live channels (issue 4): AMI, WhatsApp/Chatwoot webhooks, cooperative registry, dead letters. */
	channels: Channels;
	/** Health of sources (issue 4 §6): rates, silence on the business calendar, wall warnings. */
	sources: SourceHealthMonitor;
	ingest(headers: Headers, body: string): ReturnType<typeof ingestEvents>;
	/**
	 * Stores domain events produced inside the server (webhook and PBX adapters, the case
	 * service) and publishes the new ones; duplicates by (source, sourceEventId) are skipped.
	 */
	record(source: string, events: NewEvent[]): Promise<StoredEvent[]>;
	close(): Promise<void>;
}

export function metricsSettings(
	config: Config,
	reference: Reference,
	queues: QueueRow[]
): MetricsSettings {
	return {
		defaults: config.thresholds,
		queues: Object.fromEntries(
			queues.map((q) => [
				q.name,
				{
					name: q.name,
					issueType: q.issueTypeCode,
					thresholds: {
						serviceLevelSeconds: q.serviceLevelSeconds,
						shortAbandonSeconds: q.shortAbandonSeconds,
						serviceLevelGoal: q.serviceLevelGoal
					}
				}
			])
		),
		provinces: reference.provinces.map((p) => p.code),
		issueTypes: reference.issueTypes.map((t) => t.code)
	};
}

export async function createContainer(
	config: Config,
	clock: Clock = systemClock,
	template?: Blob,
	tuning?: Parameters<typeof startChannels>[0]['tuning']
): Promise<Container> {
	const database = await openDatabase(config.database, template);
	try {
		const { db } = database;
		await seedReference(db);
		const reference = await loadReference(db);
		const queues = await loadQueues(db);
		await seedCaseData(db);
		const slaSettings = await loadSlaSettings(db);
		const bus = new DomainBus();
		const accessRelay = await relayAccessChanges(database, bus);
		const live = new LiveMetrics({
			settings: metricsSettings(config, reference, queues),
			sla: slaSettings.evaluator,
			readEvents: (range) => readEvents(db, range),
			bus,
			now: () => clock.now(),
			retentionMs: config.liveRetentionMs
		});
		await live.rebuild();
		const rollups = new RollupWriter({
			db,
			bus,
			live,
			now: () => clock.now(),
			retentionMs: config.liveRetentionMs
		});
		await rollups.start();
		const cases = await startCaseRuntime({
			db,
			bus,
			live,
			config,
			settings: slaSettings,
			now: () => clock.now(),
			timers: clock.setTimer
				? { now: () => clock.now(), setTimer: (at, fn) => clock.setTimer!(at, fn) }
				: undefined
		});
		const provinceCodes = new Set(reference.provinces.map((p) => p.code).concat(UNKNOWN));
		const issueTypeCodes = new Set(reference.issueTypes.map((t) => t.code));
		let queueNames = new Set(queues.map((q) => q.name));
		let queuesReadAt = Number.NEGATIVE_INFINITY;
		const validationContext = async (now: number, named: Set<string>) => {
			const newQueues = await refreshQueuesFor(named);
			return {
				now,
				maxFutureMs: config.maxFutureMs,
				queues: queueNames,
				newQueues,
				provinces: provinceCodes,
				issueTypes: issueTypeCodes
			};
		};
		const container: Container = {
			config,
			database,
			reference,
			queues,
			bus,
			live,
			rollups,
			clock,
			cases,
			ingest: (headers, body) =>
				ingestEvents(
					{
						sourceOfKey: (key) => sourceOfKey(db, key),
						append: (source, events) => appendEvents(db, source, events),
						context: validationContext,
						bus,
						now: () => clock.now(),
						enrich: (event) => container.channels.cooperatives.enrich(event)
					},
					headers,
					body
				),
			record: async (source, events) => {
				const stored = await appendEvents(db, source, events);
				if (stored.length) bus.publish('contact-events:appended', { events: stored });
				return stored;
			},
			channels: undefined as unknown as Channels, // set right below, once `record` exists
			sources: undefined as unknown as SourceHealthMonitor, // set once channels exist
			close: async () => {
				container.sources?.stop();
				await container.channels.close();
				cases.stop();
				await cases.scheduler.idle();
				// A delivery check in flight must end before the database closes under it.
				await cases.inbox.idle();
				await rollups.close();
				live.close();
				await accessRelay.close();
				await database.close();
			}
		};
		/** A queue registered since start is picked up on its first event (at most every 2 s). */
		/**
		 * Queues named by a batch but not known here: re-read (one registered since start, at
		 * most every 2 s), then register the rest with issue type unknown — a call on a new
		 * queue is counted, never lost (metrics.md §Dimensions). Returns the registered names.
		 */
		async function refreshQueuesFor(named: Set<string>): Promise<Set<string>> {
			const unknown = () => [...named].filter((n) => !queueNames.has(n));
			if (unknown().length === 0) return new Set();
			if (clock.now() - queuesReadAt >= QUEUE_REREAD_MS) await reloadQueues();
			const missing = unknown().filter((n) => QUEUE_NAME.test(n));
			if (missing.length) {
				await registerQueues(db, missing);
				await reloadQueues();
			}
			return new Set(missing);
		}
		async function reloadQueues(): Promise<void> {
			queuesReadAt = clock.now();
			container.queues = await loadQueues(db);
			queueNames = new Set(container.queues.map((q) => q.name));
			live.setSettings(metricsSettings(config, reference, container.queues));
		}
		container.channels = await startChannels({
			config,
			db,
			now: () => clock.now(),
			context: validationContext,
			record: (source, events) => container.record(source, events),
			bus,
			tuning
		});
		container.sources = await startSourceHealth(container);
		return container;
	} catch (error) {
		await database.close();
		throw error;
	}
}
