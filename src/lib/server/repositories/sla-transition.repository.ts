/**
 * Stored SLA transitions (sla.md §States: every transition stored once, with its instant) and
 * the notifications a breach creates, in one transaction: the unique index on (case, target,
 * to_state) makes a second recording of the same transition a no-op, so only the rows returned
 * here are new — the caller publishes those and nothing else.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { cases, notifications, slaTransitions } from '../db/schema';

export type TransitionRecord = typeof slaTransitions.$inferSelect;
export type NewTransitionRecord = typeof slaTransitions.$inferInsert;
export type NewNotificationRecord = typeof notifications.$inferInsert;

/** `case:target:to_state`, the identity of a transition (its unique index). */
export const transitionKey = (t: Pick<NewTransitionRecord, 'caseId' | 'target' | 'toState'>) =>
	`${t.caseId}:${t.target}:${t.toState}`;

/**
 * Inserts the transitions not stored before and, for each new one `notify` answers for, its
 * notification (deduplicated by key). Returns the keys (`transitionKey`) of the new ones.
 */
export async function recordTransitions(
	db: Db,
	rows: NewTransitionRecord[],
	notify: (t: NewTransitionRecord) => NewNotificationRecord | null
): Promise<Set<string>> {
	if (rows.length === 0) return new Set();
	return db.transaction(async (tx) => {
		const added = new Set<string>();
		for (let i = 0; i < rows.length; i += 5000) {
			for (const key of await insertChunk(tx, rows.slice(i, i + 5000))) added.add(key);
		}
		const notes = rows
			.filter((r) => added.has(transitionKey(r)))
			.map(notify)
			.filter((n) => n !== null);
		for (let i = 0; i < notes.length; i += 5000) await insertNotes(tx, notes.slice(i, i + 5000));
		return added;
	});
}

/**
 * One chunk as ONE json parameter expanded by the database, returning one text cell: PGlite's
 * cost is per parameter and per cell, so 74,000 missed transitions store in seconds, not
 * tens of seconds (tests/bench/sla.ts). Returns the keys of the rows actually inserted.
 */
async function insertChunk(db: Db, rows: NewTransitionRecord[]): Promise<string[]> {
	const json = JSON.stringify(
		rows.map((r) => ({
			case_id: r.caseId,
			target: r.target,
			from_state: r.fromState,
			to_state: r.toState,
			at: r.at.toISOString(),
			recorded_at: r.recordedAt.toISOString()
		}))
	);
	const result = await db.execute<{ key: string }>(sql`
		insert into ${slaTransitions} (case_id, target, from_state, to_state, at, recorded_at)
		select case_id, target, from_state, to_state, at, recorded_at
		from json_to_recordset(${json}::json) as x(case_id text, target text, from_state text,
			to_state text, at timestamptz, recorded_at timestamptz)
		on conflict do nothing
		returning case_id || ':' || target || ':' || to_state as key`);
	const list = Array.isArray(result) ? result : (result as { rows: { key: string }[] }).rows;
	return list.map((r) => r.key);
}

/** Notifications as one json parameter (see insertChunk). */
async function insertNotes(db: Db, notes: NewNotificationRecord[]): Promise<void> {
	const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
	const json = JSON.stringify(
		notes.map((n) => ({
			dedupe_key: n.dedupeKey,
			case_id: n.caseId,
			team_id: n.teamId ?? null,
			recipient_agent_id: n.recipientAgentId ?? null,
			kind: n.kind,
			text: n.text,
			payload: n.payload,
			created_at: iso(n.createdAt),
			deliver_at: iso(n.deliverAt),
			webhook_state: n.webhookState,
			webhook_next_at: iso(n.webhookNextAt)
		}))
	);
	await db.execute(sql`
		insert into ${notifications} (dedupe_key, case_id, team_id, recipient_agent_id, kind, text,
			payload, created_at, deliver_at, webhook_state, webhook_next_at)
		select dedupe_key, case_id, team_id, recipient_agent_id, kind, text, payload, created_at,
			deliver_at, webhook_state, webhook_next_at
		from json_to_recordset(${json}::json) as x(dedupe_key text, case_id text, team_id text,
			recipient_agent_id text, kind text, text text, payload jsonb, created_at timestamptz,
			deliver_at timestamptz, webhook_state text, webhook_next_at timestamptz)
		on conflict do nothing`);
}

/** `target:to_state` of every transition already stored for the given cases. */
export async function recordedTransitions(
	db: Db,
	caseIds: string[]
): Promise<Map<string, Set<string>>> {
	const out = new Map<string, Set<string>>();
	for (let i = 0; i < caseIds.length; i += 5000) {
		// One text cell per chunk: PGlite's cost is per cell (tests/bench/sla.ts).
		const [row] = await db
			.select({
				keys: sql<
					string | null
				>`string_agg(${slaTransitions.caseId} || ':' || ${slaTransitions.target} || ':' || ${slaTransitions.toState}, ',')`
			})
			.from(slaTransitions)
			.where(
				// The ids as one json parameter: PGlite's cost is per parameter.
				sql`${slaTransitions.caseId} in (select json_array_elements_text(${JSON.stringify(caseIds.slice(i, i + 5000))}::json))`
			);
		for (const key of row?.keys ? row.keys.split(',') : []) {
			const [caseId, target, to] = key.split(':');
			let set = out.get(caseId!);
			if (!set) out.set(caseId!, (set = new Set()));
			set.add(`${target}:${to}`);
		}
	}
	return out;
}

/** Transitions of one case, oldest first (the case's history). */
export async function caseTransitions(db: Db, caseId: string): Promise<TransitionRecord[]> {
	return db
		.select()
		.from(slaTransitions)
		.where(eq(slaTransitions.caseId, caseId))
		.orderBy(slaTransitions.at, slaTransitions.id);
}

export interface BreachRecord {
	caseId: string;
	number: string;
	province: string;
	issueType: string;
	target: string;
	at: Date;
}

/** The latest breaches in a scope, newest first (the wall ticker's first paint). */
export async function latestBreaches(
	db: Db,
	scope: { province: string | null; issueType: string | null },
	limit: number
): Promise<BreachRecord[]> {
	return db
		.select({
			caseId: cases.id,
			number: cases.number,
			province: cases.provinceCode,
			issueType: cases.issueType,
			target: slaTransitions.target,
			at: slaTransitions.at
		})
		.from(slaTransitions)
		.innerJoin(cases, eq(cases.id, slaTransitions.caseId))
		.where(
			and(
				eq(slaTransitions.toState, 'breached'),
				scope.province ? eq(cases.provinceCode, scope.province) : undefined,
				scope.issueType ? eq(cases.issueType, scope.issueType) : undefined
			)
		)
		.orderBy(desc(slaTransitions.at), desc(slaTransitions.id))
		.limit(limit);
}

/** How many transitions are stored (tests and the restart check). */
export async function countTransitions(db: Db, caseId?: string): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(slaTransitions)
		.where(caseId ? eq(slaTransitions.caseId, caseId) : undefined);
	return Number(row?.n ?? 0);
}
