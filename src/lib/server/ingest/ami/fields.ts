/**
 * Reading the fields Sigap needs from AMI messages, across Asterisk versions: 1.8/11 write
 * `Holdtime`, `Member`, `Location`; 12+ write `HoldTime`, `Interface`, and prefix the agent's
 * channel with `Dest` (so `Uniqueid` is always the caller's, as queue_log's `callid` is).
 */
import { canonicalAgent } from '../../../domain/agent-id';
import type { WireEvent } from '../../../contracts/ingest';
import { field, firstField, type AmiMessage } from './frame';

/** A message that lacks or garbles a field its event needs; the text says which. */
export class AmiProblem extends Error {}

export const eventName = (m: AmiMessage) => field(m, 'Event') ?? '';

export function required(m: AmiMessage, ...names: string[]): string {
	const value = firstField(m, ...names)?.trim();
	if (!value) throw new AmiProblem(`${eventName(m)} has no ${names[0]}`);
	return value;
}

/** The caller channel's unique id and the queue: a queue phase's key on both paths. */
export function callOf(m: AmiMessage): { callId: string; queue: string } {
	return { callId: required(m, 'Uniqueid', 'UniqueID'), queue: required(m, 'Queue') };
}

/**
 * The canonical agent (agent-id.ts) from the member name, as queue_log writes it for call
 * rows (and for member rows with `log_membername_as_agent = yes`), else the interface.
 */
export function agentOf(m: AmiMessage): string | undefined {
	const name = firstField(m, 'MemberName', 'Name', 'Interface', 'Location', 'Member', 'Agent');
	return canonicalAgent(name ?? '') || undefined;
}

/** Whole seconds (HoldTime, TalkTime, RingTime); undefined when absent. */
export function seconds(m: AmiMessage, ...names: string[]): number | undefined {
	const raw = firstField(m, ...names)?.trim();
	if (raw === undefined || raw === '') return undefined;
	if (!/^\d+$/.test(raw)) {
		throw new AmiProblem(`${eventName(m)} ${names[0]} "${raw}" is not a whole number`);
	}
	return Number(raw);
}

const PLAUSIBLE = { min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) };

/**
 * When the event happened: the PBX's own `Timestamp` (manager.conf `timestampevents = yes`,
 * recommended: it is the clock queue_log uses), else the moment Sigap read it.
 */
export function instantOf(m: AmiMessage, receivedAt: number): number {
	const stamp = Number(field(m, 'Timestamp'));
	const ms = Math.round(stamp * 1000);
	return Number.isFinite(stamp) && ms >= PLAUSIBLE.min && ms < PLAUSIBLE.max ? ms : receivedAt;
}

/** `1`/`yes`/`true` (Asterisk writes all three across versions). */
export const isTrue = (value: string | undefined) => /^(1|yes|true)$/i.test(value?.trim() ?? '');

/** A wire event with its id and ISO instant; absent fields left out. */
export function wire(id: string, at: number, fields: Record<string, unknown>): WireEvent {
	const event: Record<string, unknown> = { id, at: new Date(at).toISOString() };
	for (const [key, value] of Object.entries(fields)) if (value !== undefined) event[key] = value;
	return event as WireEvent;
}
