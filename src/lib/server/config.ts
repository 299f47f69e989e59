/**
 * Environment read and validated once (DESIGN.md: config.ts). Every variable is listed in
 * the README with its default. Relative imports only: the CLI loads this under tsx.
 */
import path from 'node:path';
import { z } from 'zod';
import { channelsConfig, channelsEnvSchema, type ChannelsConfig } from './config-channels';

const int = (fallback: number, min: number, max: number) =>
	z.coerce.number().int().min(min).max(max).default(fallback);

const envSchema = z.object({
	PORT: int(3000, 0, 65535),
	HOST: z.string().default('0.0.0.0'),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
		.optional(),
	SIGAP_DATA_DIR: z.string().default('./data'),
	SIGAP_MAX_FUTURE_SECONDS: int(300, 0, 86_400),
	SIGAP_LIVE_RETENTION_HOURS: int(48, 25, 24 * 31),
	SIGAP_SL_THRESHOLD_SECONDS: int(20, 1, 3600),
	SIGAP_SHORT_ABANDON_SECONDS: int(5, 0, 600),
	SIGAP_SL_GOAL_PERCENT: int(80, 1, 100),
	SIGAP_METRICS_MAX_RANGE_DAYS: int(93, 1, 3660),
	SIGAP_TRENDS_MAX_RANGE_DAYS: int(732, 1, 3660),
	SIGAP_SESSION_IDLE_MINUTES: int(30, 1, 24 * 60),
	SIGAP_SESSION_MAX_HOURS: int(12, 1, 24 * 30),
	SIGAP_SIGNIN_WINDOW_MINUTES: int(15, 1, 24 * 60),
	SIGAP_SIGNIN_MAX_PER_ACCOUNT: int(5, 1, 1000),
	SIGAP_SIGNIN_MAX_PER_ADDRESS: int(20, 1, 100_000),
	SIGAP_NOTIFY_WEBHOOK_URL: z
		.string()
		.regex(/^https?:\/\//, 'SIGAP_NOTIFY_WEBHOOK_URL must start with http:// or https://')
		.optional(),
	SIGAP_NOTIFY_WEBHOOK_SECRET: z
		.string()
		.min(16, 'SIGAP_NOTIFY_WEBHOOK_SECRET must be at least 16 characters')
		.optional(),
	...channelsEnvSchema.shape
});

export interface Config {
	port: number;
	host: string;
	database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
	maxFutureMs: number;
	liveRetentionMs: number;
	thresholds: {
		serviceLevelSeconds: number;
		shortAbandonSeconds: number;
		serviceLevelGoal: number;
	};
	maxRangeDays: number;
	/** Longest range a trend (page, API, export) may cover, days. */
	trendsMaxRangeDays: number;
	/** Sign-in and sessions (issue 5 §1). */
	auth: {
		session: { idleMs: number; absoluteMs: number };
		throttle: { windowMs: number; maxPerAccount: number; maxPerAddress: number };
	};
	/** Breach notifications posted to this URL, signed with HMAC-SHA256 (issue 3 §Alerts). */
	notifyWebhook?: { url: string; secret: string } | null;
	/** Live channels: AMI, WhatsApp and Chatwoot webhooks, contact keys (issue 4). */
	channels: ChannelsConfig;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
	const parsed = envSchema.safeParse(
		Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
	);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
		throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
	}
	const e = parsed.data;
	if (e.SIGAP_NOTIFY_WEBHOOK_URL && !e.SIGAP_NOTIFY_WEBHOOK_SECRET) {
		throw new ConfigError(
			'invalid configuration:\n  SIGAP_NOTIFY_WEBHOOK_SECRET: required when SIGAP_NOTIFY_WEBHOOK_URL is set'
		);
	}
	const channels = channelsConfig(e);
	if (!channels.ok) {
		throw new ConfigError(`invalid configuration:\n  ${channels.problems.join('\n  ')}`);
	}
	return {
		port: e.PORT,
		host: e.HOST,
		database: e.DATABASE_URL
			? { kind: 'postgres', url: e.DATABASE_URL }
			: { kind: 'pglite', dataDir: path.resolve(e.SIGAP_DATA_DIR, 'pglite') },
		maxFutureMs: e.SIGAP_MAX_FUTURE_SECONDS * 1000,
		liveRetentionMs: e.SIGAP_LIVE_RETENTION_HOURS * 3600_000,
		thresholds: {
			serviceLevelSeconds: e.SIGAP_SL_THRESHOLD_SECONDS,
			shortAbandonSeconds: e.SIGAP_SHORT_ABANDON_SECONDS,
			serviceLevelGoal: e.SIGAP_SL_GOAL_PERCENT
		},
		maxRangeDays: e.SIGAP_METRICS_MAX_RANGE_DAYS,
		trendsMaxRangeDays: e.SIGAP_TRENDS_MAX_RANGE_DAYS,
		auth: {
			session: {
				idleMs: e.SIGAP_SESSION_IDLE_MINUTES * 60_000,
				absoluteMs: e.SIGAP_SESSION_MAX_HOURS * 3600_000
			},
			throttle: {
				windowMs: e.SIGAP_SIGNIN_WINDOW_MINUTES * 60_000,
				maxPerAccount: e.SIGAP_SIGNIN_MAX_PER_ACCOUNT,
				maxPerAddress: e.SIGAP_SIGNIN_MAX_PER_ADDRESS
			}
		},
		notifyWebhook: e.SIGAP_NOTIFY_WEBHOOK_URL
			? { url: e.SIGAP_NOTIFY_WEBHOOK_URL, secret: e.SIGAP_NOTIFY_WEBHOOK_SECRET! }
			: null,
		channels: channels.config
	};
}
