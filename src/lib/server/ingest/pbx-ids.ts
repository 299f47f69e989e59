/**
 * Source event ids of PBX events that both the queue_log and AMI report (issue 4: "AMI and
 * queue_log can both be enabled for the same PBX without double counting — one call, one
 * contact"). Both paths name a logical event the same way, from what both see: the caller
 * channel's `Uniqueid` (queue_log `callid`), the queue, and the step of the queue phase.
 * Recorded under the same source name, the second report of an event is a duplicate.
 *
 * - `call:<uniqueid>:<queue>:entered` — ENTERQUEUE / QueueCallerJoin
 * - `call:<uniqueid>:<queue>:connected` — CONNECT / AgentConnect
 * - `call:<uniqueid>:<queue>:ended` — the one event that ends the phase: ABANDON, EXIT*, FULL,
 *   JOINEMPTY, CLOSED, COMPLETE*, *TRANSFER / QueueCallerAbandon, AgentComplete, a queue
 *   leave with no connect
 * - `call:<uniqueid>:classified:<epoch s>` — SIGAP_IVR row / `UserEvent: SIGAP_IVR`
 * - `agent:<agent>:<queue or *>:<kind>:<epoch s>` — member logins, logoffs, pauses
 *
 * Limit: a caller channel that enters the SAME queue again (transferred back to it) reuses
 * the ids of its first phase, so the second phase is stored as duplicates and not counted in
 * that queue (it is a different queue's phase when transferred elsewhere, which is counted).
 */

export type CallStep = 'entered' | 'connected' | 'ended';

export function callEventId(callId: string, queue: string, step: CallStep): string {
	return `call:${callId}:${queue}:${step}`;
}

export function classifiedEventId(callId: string, at: number): string {
	return `call:${callId}:classified:${Math.floor(at / 1000)}`;
}

export type AgentStep = 'login' | 'logoff' | 'pause' | 'unpause';

export function agentEventId(
	agent: string,
	queue: string | undefined,
	step: AgentStep,
	at: number
) {
	return `agent:${agent}:${queue ?? '*'}:${step}:${Math.floor(at / 1000)}`;
}
