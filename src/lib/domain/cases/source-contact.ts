/**
 * The call or chat session a case is made from (issue 3 §1: "a call or chat that an agent turns
 * into a case, linked to that contact"), read from the contact's stored events: its channel,
 * when it started, the queues it waited in, and its province and issue type exactly as the live
 * engine counts them (calls: IVR choice > queue entry or registry > the queue's issue type;
 * chats: from the session's start). Using the engine's own reducers keeps the case in the same
 * wall cell and trend row as the contact it came from. Pure: no I/O, no clock.
 */
import { UNKNOWN, type ContactEvent } from '../events';
import { totalPhase, phaseDims } from '../metrics/calls';
import { chatDims } from '../metrics/chats';
import { TOTAL_QUEUE } from '../metrics/dims';
import { MetricsEngine } from '../metrics/engine';
import type { MetricsSettings } from '../metrics/settings';

export const SOURCE_CHANNELS = ['call', 'chat'] as const;
export type SourceChannel = (typeof SOURCE_CHANNELS)[number];

export interface SourceContact {
	channel: SourceChannel;
	id: string;
	/** Queue entry of a call's first phase / a chat's start; else its earliest event. */
	startedAt: number;
	/** Queues a call waited in, in order (chats have none). */
	queues: string[];
	/** BPS code or `unknown`. */
	province: string;
	/** Issue-type code or `unknown`. */
	issueType: string;
}

/** The contact of `channel`/`id` among `events` (its own stored events), or null if it has none. */
export function sourceContactOf(
	channel: SourceChannel,
	id: string,
	events: readonly ContactEvent[],
	settings: MetricsSettings
): SourceContact | null {
	const engine = new MetricsEngine(settings);
	let earliest = Infinity;
	for (const e of events) {
		engine.apply(e);
		earliest = Math.min(earliest, e.at);
	}
	const ctx = engine.context;
	if (channel === 'chat') {
		const chat = engine.chats.get(id);
		if (!chat) return null;
		const dims = chatDims(chat, ctx);
		const startedAt = chat.started?.at ?? earliest;
		return { channel, id, startedAt, queues: [], ...place(dims) };
	}
	const call = engine.calls.get(id);
	if (!call) return null;
	const phase = totalPhase(call) ?? call.phases[call.phases.length - 1];
	const queues = [...new Set(call.phases.map((p) => p.queue))];
	const startedAt = call.phases[0]?.enteredAt ?? earliest;
	if (phase)
		return { channel, id, startedAt, queues, ...place(phaseDims(call, phase, TOTAL_QUEUE, ctx)) };
	// Only IVR rows stored so far (no queue event yet): the latest real choice, as the engine reads it.
	const chosen = (field: 'province' | 'issueType') =>
		[...call.classified].reverse().find((e) => e[field] && e[field] !== UNKNOWN)?.[field];
	return {
		channel,
		id,
		startedAt,
		queues,
		province: ctx.codes.province(chosen('province')),
		issueType: ctx.codes.issueType(chosen('issueType'))
	};
}

const place = (d: { province: string; issueType: string }) => ({
	province: d.province,
	issueType: d.issueType
});
