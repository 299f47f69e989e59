/**
 * What the event store believes about one PBX (one source) right now: the callers still
 * waiting and the queue memberships. AMI reconciliation compares it with `QueueStatus`
 * after every (re)connect, so the store — not the adapter's memory — is the reference, and a
 * Sigap restart loses nothing.
 */
import { and, desc, eq, gte, inArray, isNotNull, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db';
import { contactEvents } from '../db/schema';

/** The events that end a queue phase's waiting (metrics.md §Calls). */
const LEFT_QUEUE = [
	'call.connected',
	'call.abandoned',
	'call.exited',
	'call.transferred',
	'call.completed'
];

/**
 * No event of `types` (from any source) follows this row's event in the same queue phase:
 * the same call in the same queue. The one test both "still waiting" and "still on an agent"
 * are made of.
 */
function phaseNotEndedBy(db: Db, types: readonly string[], name: string) {
	const end = alias(contactEvents, name);
	return notExists(
		db
			.select({ one: sql`1` })
			.from(end)
			.where(
				and(
					eq(end.channel, 'call'),
					eq(end.contactId, contactEvents.contactId),
					inArray(end.type, [...types]),
					sql`${end.payload}->>'queue' = ${contactEvents.payload}->>'queue'`
				)
			)
	);
}

/** Calls of `source` entered since `since` whose queue phase has no end event (any source). */
export async function waitingCalls(
	db: Db,
	source: string,
	since: number
): Promise<{ callId: string; queue: string }[]> {
	const queueOf = sql<string>`${contactEvents.payload}->>'queue'`;
	const rows = await db
		.select({ callId: contactEvents.contactId, queue: queueOf })
		.from(contactEvents)
		.where(
			and(
				eq(contactEvents.source, source),
				eq(contactEvents.type, 'call.entered'),
				gte(contactEvents.occurredAt, new Date(since)),
				phaseNotEndedBy(db, LEFT_QUEUE, 'phase_end')
			)
		);
	return rows.flatMap((r) => (r.callId ? [{ callId: r.callId, queue: r.queue }] : []));
}

/** The events after a connect that end the agent's part of a queue phase. */
const OFF_AGENT = ['call.completed', 'call.transferred', 'call.exited'];

/**
 * Calls of `source` connected since `since` with no completion, transfer or reconciled end of
 * that queue phase (any source): the calls the store holds as on an agent now.
 */
export async function callsOnAgent(
	db: Db,
	source: string,
	since: number
): Promise<{ callId: string; queue: string; agent: string }[]> {
	const queueOf = sql<string>`${contactEvents.payload}->>'queue'`;
	const agentOf = sql<string>`${contactEvents.payload}->>'agent'`;
	const rows = await db
		.select({ callId: contactEvents.contactId, queue: queueOf, agent: agentOf })
		.from(contactEvents)
		.where(
			and(
				eq(contactEvents.source, source),
				eq(contactEvents.type, 'call.connected'),
				gte(contactEvents.occurredAt, new Date(since)),
				isNotNull(agentOf),
				phaseNotEndedBy(db, OFF_AGENT, 'agent_end')
			)
		);
	return rows.flatMap((r) =>
		r.callId && r.agent ? [{ callId: r.callId, queue: r.queue, agent: r.agent }] : []
	);
}

/** (agent, queue) pairs of `source` whose latest login/logoff since `since` is a login. */
export async function queueMemberships(
	db: Db,
	source: string,
	since: number
): Promise<{ agent: string; queue: string }[]> {
	const agent = sql<string>`${contactEvents.payload}->>'agent'`;
	const queue = sql<string>`${contactEvents.payload}->>'queue'`;
	const rows = await db
		.selectDistinctOn([agent, queue], { agent, queue, type: contactEvents.type })
		.from(contactEvents)
		.where(
			and(
				eq(contactEvents.source, source),
				inArray(contactEvents.type, ['agent.logged_in', 'agent.logged_out']),
				gte(contactEvents.occurredAt, new Date(since)),
				isNotNull(queue)
			)
		)
		.orderBy(agent, queue, desc(contactEvents.occurredAt), desc(contactEvents.id));
	return rows
		.filter((r) => r.type === 'agent.logged_in')
		.map(({ agent, queue }) => ({ agent, queue }));
}
