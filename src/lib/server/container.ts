/**
 * The composition root (DESIGN.md): database, reference data, bus, live metrics and the
 * use cases, built once per process. Routes, socket handlers and the CLI take what they
 * need from here; nothing else constructs services.
 */
import type { Config } from './config';
import { openDatabase, type Database } from './db';
import { DomainBus } from './events/bus';
import type { ValidationContext } from './ingest/validate-event';
import { appendEvents, readEvents } from './repositories/event.repository';
import { sourceOfKey } from './repositories/ingest-key.repository';
import { loadQueues, loadReference, seedReference, type QueueRow } from './repositories/reference.repository';
import { ingestEvents } from './services/ingest-events.service';
import { LiveMetrics } from './services/live-metrics.service';
import type { Reference } from '../contracts/reference';
import type { MetricsSettings } from '../domain/metrics/settings';
import { UNKNOWN } from '../domain/events';

export interface Clock {
	now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

export interface Container {
	config: Config;
	database: Database;
	reference: Reference;
	queues: QueueRow[];
	bus: DomainBus;
	live: LiveMetrics;
	clock: Clock;
	ingest(headers: Headers, body: string): ReturnType<typeof ingestEvents>;
	close(): Promise<void>;
}

export function metricsSettings(config: Config, reference: Reference, queues: QueueRow[]): MetricsSettings {
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

export async function createContainer(config: Config, clock: Clock = systemClock): Promise<Container> {
	const database = await openDatabase(config.database);
	try {
		const { db } = database;
		await seedReference(db);
		const reference = await loadReference(db);
		const queues = await loadQueues(db);
		const bus = new DomainBus();
		const live = new LiveMetrics({
			settings: metricsSettings(config, reference, queues),
			readEvents: (range) => readEvents(db, range),
			bus,
			now: () => clock.now(),
			retentionMs: config.liveRetentionMs
		});
		await live.rebuild();
		const context = (now: number): ValidationContext => ({
			now,
			maxFutureMs: config.maxFutureMs,
			queues: new Set(queues.map((q) => q.name)),
			provinces: new Set(reference.provinces.map((p) => p.code).concat(UNKNOWN)),
			issueTypes: new Set(reference.issueTypes.map((t) => t.code))
		});
		return {
			config,
			database,
			reference,
			queues,
			bus,
			live,
			clock,
			ingest: (headers, body) =>
				ingestEvents(
					{
						sourceOfKey: (key) => sourceOfKey(db, key),
						append: (source, events) => appendEvents(db, source, events),
						context,
						bus,
						now: () => clock.now()
					},
					headers,
					body
				),
			close: async () => {
				live.close();
				await database.close();
			}
		};
	} catch (error) {
		await database.close();
		throw error;
	}
}
