/**
 * The source-health and dead-letter endpoints as functions of the container, shared by the
 * SvelteKit routes (`/api/v1/sources`, `/api/v1/admin/dead-letters/reprocess`, the admin pages)
 * and the integration harness. Bad input gets a 400 naming the field.
 */
import type { z } from 'zod';
import {
	quietLimitSchema,
	reprocessRequestSchema,
	type ReprocessRequest,
	type SourceHealthV1,
	type SourcesAnswerV1
} from '../../../contracts/sources';
import { isOpen } from '../../../domain/calendar/business-calendar';
import { RATE_WINDOW_MINUTES, sourceOfDeadLetter } from '../../../domain/sources/health';
import { toWibIso } from '../../../domain/time/wib';
import type { Container } from '../../container';
import { waitingCounts } from '../../repositories/dead-letter.repository';
import { saveQuietOverride } from '../../repositories/source-health.repository';
import { reprocessDeadLetters } from './reprocess.service';
import type { SourceRow } from './source-health.service';

export interface Answer<T> {
	status: number;
	body: T | { error: { code: string; message: string } };
}

const invalid = (message: string) => ({
	status: 400,
	body: { error: { code: 'invalid_payload', message } }
});
const iso = (t: number | null) => (t === null ? null : toWibIso(t));
const issues = (e: z.ZodError) =>
	e.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');

function toWire(r: SourceRow, waiting: number): SourceHealthV1 {
	return {
		source: r.source,
		kinds: r.kinds,
		connected: r.connected,
		receiving: r.receiving,
		silent: r.silent,
		silentMinutes: r.silentMinutes,
		silentSince: toWibIso(r.since),
		lastEventAt: iso(r.lastEventAt),
		lastDeadLetterAt: iso(r.lastDeadLetterAt),
		eventsPerMinute: r.eventsPerMinute,
		deadLettersPerMinute: r.deadLettersPerMinute,
		deadLettersWaiting: waiting,
		quietMinutes: r.quietMinutes,
		quietLimitFrom: r.quietLimitFrom
	};
}

/** `GET /api/v1/sources` (issue 4 §6): every source's health now. */
export async function sourcesAnswer(c: Container): Promise<SourcesAnswerV1> {
	const now = c.clock.now();
	const waiting = new Map<string, number>();
	for (const [name, n] of await waitingCounts(c.database.db)) {
		const source = sourceOfDeadLetter(name);
		waiting.set(source, (waiting.get(source) ?? 0) + n);
	}
	const cal = c.sources.calendar;
	return {
		v: 1,
		asOf: toWibIso(now),
		businessHours: isOpen(cal, now),
		calendar: cal.id,
		windowMinutes: RATE_WINDOW_MINUTES,
		defaultQuietMinutes: c.sources.defaultQuietMinutes,
		sources: c.sources
			.rows(now, [...waiting.keys()])
			.map((r) => toWire(r, waiting.get(r.source) ?? 0))
	};
}

/** The dead-letter reprocessing of a container (its channels, its clock). */
export function reprocess(c: Container, request: ReprocessRequest) {
	return reprocessDeadLetters(
		{ db: c.database.db, channels: c.channels, now: () => c.clock.now(), log: console.log },
		request
	);
}

/** `POST /api/v1/admin/dead-letters/reprocess` with `{ source?, id? }` (both optional). */
export async function reprocessAnswer(c: Container, body: string): Promise<Answer<unknown>> {
	let json: unknown;
	try {
		json = body.trim() === '' ? {} : JSON.parse(body);
	} catch (error) {
		return invalid(`body is not valid JSON: ${(error as Error).message}`);
	}
	const parsed = reprocessRequestSchema.safeParse(json);
	if (!parsed.success) return invalid(issues(parsed.error));
	return { status: 200, body: await reprocess(c, parsed.data) };
}

/** The quiet-limit form of /admin/sources: saved, then every source judged again. */
export async function setQuietLimit(
	c: Container,
	form: Record<string, string>,
	by: string | null
): Promise<{ ok: true } | { ok: false; message: string }> {
	const parsed = quietLimitSchema.safeParse(form);
	if (!parsed.success) return { ok: false, message: issues(parsed.error) };
	const { source, quietMinutes } = parsed.data;
	// Only a source Sigap watches (an ingest key, a channel, one that has sent): a typo would
	// be saved for nothing and never shown.
	if (!c.sources.rows(c.clock.now()).some((row) => row.source === source))
		return { ok: false, message: `source: no source "${source}" (see the list on this page)` };
	await saveQuietOverride(c.database.db, source, quietMinutes, by, c.clock.now());
	await c.sources.refresh();
	return { ok: true };
}
