/**
 * One queue_log row as every input format reads it, before its meaning is mapped: the five
 * fixed fields plus the event parameters in the order Asterisk writes them (`data1…`).
 */
import { createHash } from 'node:crypto';

export interface QueueLogRow {
	/** Epoch ms. */
	at: number;
	callId: string;
	queue: string;
	/** The member/channel field as written (`Agent/1127`, `NONE`); canonicalised when mapped. */
	agent: string;
	event: string;
	/** Event parameters in native order (`data1` first), trailing empty ones removed. */
	data: string[];
	/** The row's own content; the source event id is derived from it, never from its position. */
	content: string;
}

/** What reading one line of any format gives: a row, nothing (blank, header), or a problem. */
export type LineRead =
	{ kind: 'row'; row: QueueLogRow } | { kind: 'skip' } | { kind: 'problem'; message: string };

/** Drops trailing empty parameters so `A||` and `A` read alike (DB dumps pad to data5). */
export function trimTrailingEmpty(values: string[]): string[] {
	let end = values.length;
	while (end > 0 && values[end - 1] === '') end--;
	return values.slice(0, end);
}

/**
 * The source event id of a row: `ql:` + SHA-1 of its content, so the same line read twice
 * (re-import, tail restart, rotated copy) is the same event for the server's dedupe.
 */
export function rowEventId(row: QueueLogRow): string {
	return `ql:${createHash('sha1').update(row.content).digest('hex')}`;
}

/** Undefined for `NONE` and empty: Asterisk writes `NONE` where a field does not apply. */
export function present(value: string): string | undefined {
	const trimmed = value.trim();
	return trimmed === '' || trimmed.toUpperCase() === 'NONE' ? undefined : trimmed;
}

/** Instants outside 2000…2100 are garbled fields, not PBX clocks. */
const PLAUSIBLE_MS = { min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) };

/** `ms` when it is a plausible PBX instant, else why not (naming the field as written). */
export function plausibleInstant(ms: number, text: string): number | string {
	if (ms >= PLAUSIBLE_MS.min && ms < PLAUSIBLE_MS.max) return ms;
	return `time ${text} is not a plausible PBX time (years 2000 to 2099)`;
}

/** Epoch ms of `1543602677` or `1543602677.25` (seconds), or why it is no plausible instant. */
export function epochSecondsToMs(text: string): number | string {
	return plausibleInstant(Math.round(Number(text) * 1000), text);
}
