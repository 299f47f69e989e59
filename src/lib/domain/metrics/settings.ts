/**
 * Formula settings of the metrics engine (metrics.md: "Formula settings (thresholds) are
 * configuration, per queue where noted, never constants in code") and the two fixed windows
 * the engine relies on.
 */
import type { Thresholds } from './figures';

export interface QueueSettings {
	name: string;
	/** The issue type the queue serves: a call's issue type when the IVR gave none. */
	issueType: string | null;
	thresholds: Thresholds;
}

export interface MetricsSettings {
	/** T = 20 s, S = 5 s, goal 80 % unless configured. */
	defaults: Thresholds;
	/** Per-queue thresholds and issue type, keyed by the queue id events carry. */
	queues: Record<string, QueueSettings>;
	/** The 38 BPS province codes in display order ('11'..'96'). */
	provinces: string[];
	/** Taxonomy codes in display order. */
	issueTypes: string[];
}

/** metrics.md §Calls: T 20 s, S 5 s, goal 80 %. */
export const DEFAULT_THRESHOLDS: Thresholds = {
	serviceLevelSeconds: 20,
	shortAbandonSeconds: 5,
	serviceLevelGoal: 80
};

/**
 * A call entered 24 h ago or more with no end is stale: a truncated log must not leave a
 * caller (or a chat, or an agent's call) "waiting now" forever.
 */
export const STALE_AFTER_MS = 24 * 3600_000;

/** metrics.md §Chat: a new session within 24 h of a bot session's end undoes its containment. */
export const CONTAINMENT_RETURN_MS = 24 * 3600_000;

/** Settings with defaults only: no queues, no reference lists (every code kept as given). */
export function defaultMetricsSettings(): MetricsSettings {
	return { defaults: { ...DEFAULT_THRESHOLDS }, queues: {}, provinces: [], issueTypes: [] };
}

/** The thresholds a queue's calls are measured against (metrics.md §Calls, per queue). */
export function thresholdsFor(settings: MetricsSettings, queue: string): Thresholds {
	return settings.queues[queue]?.thresholds ?? settings.defaults;
}
