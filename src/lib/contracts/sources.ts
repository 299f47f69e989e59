/**
 * The wire of source health and dead letters (issue 4 §5–6): `GET /api/v1/sources`, the
 * `sources:silent` socket fact the wall shows, and the bodies of the admin changes
 * (quiet limit, reprocessing). Instants are ISO 8601 with the WIB offset (+07:00).
 */
import { z } from 'zod';
import type { SourceKind } from '../domain/sources/health';

export type { SourceKind };

export interface SourceHealthV1 {
	source: string;
	kinds: SourceKind[];
	/** AMI's connection; null for sources that push to Sigap (webhooks, the ingest API). */
	connected: boolean | null;
	/** An event arrived within the quiet limit. */
	receiving: boolean;
	/** Silent longer than the quiet limit during business hours: the wall warns. */
	silent: boolean;
	/** Business minutes since the last event (or since watching began, when none is known). */
	silentMinutes: number;
	silentSince: string;
	lastEventAt: string | null;
	lastDeadLetterAt: string | null;
	/** Over the last 15 minutes (the current minute included). */
	eventsPerMinute: number;
	deadLettersPerMinute: number;
	/** Dead letters of this source not yet reprocessed. */
	deadLettersWaiting: number;
	/** Business minutes of silence before the warning; null: never warned about. */
	quietMinutes: number | null;
	quietLimitFrom: 'override' | 'default' | 'none';
}

export interface SourcesAnswerV1 {
	v: 1;
	asOf: string;
	/** Whether the standard calendar is open now (silence is judged only then). */
	businessHours: boolean;
	calendar: string;
	windowMinutes: number;
	defaultQuietMinutes: number;
	sources: SourceHealthV1[];
}

/** A source silent longer than its quiet limit, for the wall (no personal data). */
export interface SilentSourceV1 {
	source: string;
	silentMinutes: number;
	since: string;
	quietMinutes: number;
}

/**
 * `sources:silent`: every silent source at `asOf` (an empty list clears the warning). Sent to
 * the walls when the list changes and to a wall when it subscribes; `seq` increases per process.
 */
export interface SourcesSilentV1 {
	seq: number;
	asOf: string;
	silent: SilentSourceV1[];
}

/** Source names as ingest keys and `SIGAP_AMI_SOURCE` allow them. */
export const SOURCE_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;
/** Dead-letter sources: a source name, or `ami:<source>`. */
const DEAD_LETTER_SOURCE = /^(ami:)?[a-z0-9][a-z0-9._-]{0,62}$/;

/** The quiet limit form: minutes 1–1440, 0 never warns, empty goes back to the default. */
export const quietLimitSchema = z.object({
	source: z
		.string()
		.trim()
		.regex(SOURCE_NAME, 'not a source name (lower-case letters, digits, ".", "_" or "-")'),
	quietMinutes: z
		.string()
		.trim()
		.regex(/^(\d{1,4})?$/, 'a whole number of minutes, or empty for the default')
		.transform((v) => (v === '' ? null : Number(v)))
		.refine((v) => v === null || v <= 1440, 'at most 1440 minutes (one day)')
});

/** `POST /api/v1/admin/dead-letters/reprocess` (and the admin buttons): which letters. */
export const reprocessRequestSchema = z
	.object({
		source: z.string().regex(DEAD_LETTER_SOURCE, 'a source name, or ami:<source>').optional(),
		id: z.number().int().positive('a dead letter id').optional()
	})
	.strict();
export type ReprocessRequest = z.infer<typeof reprocessRequestSchema>;

/** What one dead letter's reprocessing came to. */
export interface ReprocessOutcomeV1 {
	id: number;
	source: string;
	ok: boolean;
	/** Why it still fails (ok: false), or a note (ok: true, e.g. "nothing to record"). */
	reason: string | null;
	stored: number;
	duplicates: number;
}

export interface ReprocessReportV1 {
	tried: number;
	reprocessed: number;
	stillFailing: number;
	/** Events newly stored (a duplicate of one already stored is not stored again). */
	stored: number;
	duplicates: number;
	/** Stopped at the limit of one run: more letters are waiting. */
	more: boolean;
	outcomes: ReprocessOutcomeV1[];
}
