/**
 * Storage of the trend rollups: contact facts and the hour/day cells summing them. Every write
 * runs in one transaction under an advisory lock, so the cells always equal the sum of the
 * stored facts, also with a `sigap rollup rebuild` running beside the server (PostgreSQL).
 */
import { and, asc, eq, gt, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Channel, ContactEvent } from '../../domain/events';
import type { ChatSpan, ContactFacts, Fact } from '../../domain/metrics/facts';
import {
	applyDelta,
	cellKey,
	cellsOfFacts,
	isEmptyCell,
	type CellDelta,
	type CellKey,
	type Grain,
	type StoredCell
} from '../../domain/trends/cells';
import { wibDate } from '../../domain/time/wib';
import type { Db } from '../db';
import {
	COUNTER_NAMES,
	contactEvents,
	contactFacts,
	rollupCells,
	rollupState,
	type StoredFacts
} from '../db/schema';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type CellRow = typeof rollupCells.$inferSelect;
type FactsRow = typeof contactFacts.$inferSelect;

export interface ContactRef {
	channel: Channel;
	id: string;
}
export const refKey = (r: ContactRef) => `${r.channel}|${r.id}`;

/**
 * Rows per statement. Many rows travel as ONE jsonb parameter (`jsonb_to_recordset`): drizzle
 * builds long parameter lists slowly, and PGlite refuses statements with very many parameters
 * ("bad buffer ID").
 */
const CHUNK = 1000;
const LOCK = sql`select pg_advisory_xact_lock(727100006)`;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

/** Many rows as one jsonb parameter. */
const rowsParam = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;

/** `(channel, contact_id) in (…refs)` for a table with those columns, one parameter. */
function refsIn(
	channel: SQL | typeof contactFacts.channel,
	id: SQL | typeof contactFacts.contactId,
	refs: readonly ContactRef[]
): SQL {
	const rows = refs.map((r) => ({ channel: r.channel, id: r.id }));
	return sql`(${channel}, ${id}) in (select channel, id from jsonb_to_recordset(${rowsParam(rows)}) as r(channel text, id text))`;
}

// --- facts <-> rows ----------------------------------------------------------------------------

function packFacts(facts: readonly Fact[]): StoredFacts {
	const dims: StoredFacts['dims'] = [];
	const index = new Map<string, number>();
	const packed = facts.map((f): [number, number, number, number] => {
		const key = `${f.province}|${f.issueType}|${f.channel}|${f.queue}`;
		let i = index.get(key);
		if (i === undefined) {
			index.set(key, (i = dims.length));
			dims.push([f.province, f.issueType, f.channel, f.queue]);
		}
		return [f.at, f.field, f.value, i];
	});
	return { dims, facts: packed };
}

/** The facts stored for a contact. */
export function unpackFacts(stored: StoredFacts): Fact[] {
	return stored.facts.map(([at, field, value, i]) => {
		const [province, issueType, channel, queue] = stored.dims[i]!;
		return { at, field, value, province, issueType, channel: channel as Channel, queue };
	});
}

const ms = (d: Date | null) => (d === null ? null : d.getTime());
const date = (t: number | null) => (t === null ? null : new Date(t));

function factsRow(c: ContactFacts) {
	const total = c.facts.find((f) => f.queue === '') ?? c.facts[0];
	const ats = c.facts.map((f) => f.at);
	return {
		channel: c.channel,
		contactId: c.id,
		province: total?.province ?? null,
		issueType: total?.issueType ?? null,
		firstAt: ats.length ? new Date(Math.min(...ats)) : null,
		lastAt: ats.length ? new Date(Math.max(...ats)) : null,
		chatContact: c.chat?.contact ?? null,
		chatStartedAt: date(c.chat?.startedAt ?? null),
		chatEndedAt: date(c.chat?.endedAt ?? null),
		facts: packFacts(c.facts),
		updatedAt: new Date()
	};
}

function contactOf(row: FactsRow): ContactFacts {
	const chat: ChatSpan | null =
		row.channel === 'chat'
			? {
					contact: row.chatContact,
					startedAt: ms(row.chatStartedAt),
					endedAt: ms(row.chatEndedAt)
				}
			: null;
	return {
		channel: row.channel as Channel,
		id: row.contactId,
		facts: unpackFacts(row.facts),
		chat
	};
}

// --- reads ---------------------------------------------------------------------------------------

/** Every stored event of these contacts (calls, chat sessions, cases), in store order. */
export async function readContactEvents(
	db: Db,
	refs: readonly ContactRef[]
): Promise<ContactEvent[]> {
	const out: ContactEvent[] = [];
	for (const part of chunks(refs)) {
		const rows = await db
			.select({ payload: contactEvents.payload })
			.from(contactEvents)
			.where(refsIn(sql`${contactEvents.channel}`, sql`${contactEvents.contactId}`, part))
			.orderBy(asc(contactEvents.id));
		for (const r of rows) out.push(r.payload as ContactEvent);
	}
	return out;
}

/** The stored facts of these contacts (absent: none stored yet). */
export async function readFacts(
	db: Db | Tx,
	refs: readonly ContactRef[]
): Promise<Map<string, ContactFacts>> {
	const out = new Map<string, ContactFacts>();
	for (const part of chunks(refs)) {
		const rows = await db
			.select()
			.from(contactFacts)
			.where(refsIn(contactFacts.channel, contactFacts.contactId, part));
		for (const row of rows) {
			const c = contactOf(row);
			out.set(refKey(c), c);
		}
	}
	return out;
}

/** Chat sessions of these contact keys that started in [from, to]. */
export async function chatSessionsOf(
	db: Db,
	contacts: readonly string[],
	from: number,
	to: number
): Promise<ContactRef[]> {
	const out: ContactRef[] = [];
	for (const part of chunks(contacts)) {
		const rows = await db
			.select({ id: contactFacts.contactId })
			.from(contactFacts)
			.where(
				and(
					eq(contactFacts.channel, 'chat'),
					inArray(contactFacts.chatContact, part),
					gte(contactFacts.chatStartedAt, new Date(from)),
					lt(contactFacts.chatStartedAt, new Date(to + 1))
				)
			);
		for (const r of rows) out.push({ channel: 'chat', id: r.id });
	}
	return out;
}

/**
 * Contacts with an event in [from, to) on these channels, a page at a time in key order
 * (rebuilds and settings changes re-derive them).
 */
export async function* contactsWithEvents(
	db: Db,
	range: { from: number; to: number; channels: readonly Channel[] },
	pageSize = 2000
): AsyncGenerator<ContactRef[]> {
	let after: ContactRef | null = null;
	for (;;) {
		const afterWhere: SQL | undefined = after
			? sql`(${contactEvents.channel}, ${contactEvents.contactId}) > (${after.channel}, ${after.id})`
			: undefined;
		const rows: { channel: string; id: string | null }[] = await db
			.selectDistinct({ channel: contactEvents.channel, id: contactEvents.contactId })
			.from(contactEvents)
			.where(
				and(
					gte(contactEvents.occurredAt, new Date(range.from)),
					lt(contactEvents.occurredAt, new Date(range.to)),
					inArray(contactEvents.channel, [...range.channels]),
					sql`${contactEvents.contactId} is not null`,
					afterWhere
				)
			)
			.orderBy(asc(contactEvents.channel), asc(contactEvents.contactId))
			.limit(pageSize);
		if (rows.length === 0) return;
		const page = rows.map((r) => ({ channel: r.channel as Channel, id: r.id! }));
		yield page;
		after = page[page.length - 1]!;
	}
}

/** Contacts whose stored facts reach into [from, to), a page at a time. */
export async function* factsIn(
	db: Db | Tx,
	range: { from: number; to: number },
	pageSize = 2000
): AsyncGenerator<ContactFacts[]> {
	let after: ContactRef | null = null;
	for (;;) {
		const afterWhere: SQL | undefined = after
			? sql`(${contactFacts.channel}, ${contactFacts.contactId}) > (${after.channel}, ${after.id})`
			: undefined;
		const rows = await db
			.select()
			.from(contactFacts)
			.where(
				and(
					lt(contactFacts.firstAt, new Date(range.to)),
					gte(contactFacts.lastAt, new Date(range.from)),
					afterWhere
				)
			)
			.orderBy(asc(contactFacts.channel), asc(contactFacts.contactId))
			.limit(pageSize);
		if (rows.length === 0) return;
		const page = rows.map(contactOf);
		yield page;
		after = page[page.length - 1]!;
	}
}

/** The highest event id in the store (0 when empty). */
export async function lastEventId(db: Db): Promise<number> {
	const [row] = await db
		.select({ id: sql<number>`coalesce(max(${contactEvents.id}), 0)` })
		.from(contactEvents);
	return Number(row?.id ?? 0);
}

/** Contacts of the events stored after event id `after`, a page at a time. */
export async function* contactsAfterEvent(
	db: Db,
	after: number,
	pageSize = 2000
): AsyncGenerator<{ refs: ContactRef[]; lastId: number }> {
	let id = after;
	for (;;) {
		const rows = await db
			.select({
				id: contactEvents.id,
				channel: contactEvents.channel,
				contactId: contactEvents.contactId
			})
			.from(contactEvents)
			.where(gt(contactEvents.id, id))
			.orderBy(asc(contactEvents.id))
			.limit(pageSize);
		if (rows.length === 0) return;
		id = rows[rows.length - 1]!.id;
		const refs = new Map<string, ContactRef>();
		for (const r of rows) {
			if (r.contactId === null) continue;
			const ref = { channel: r.channel as Channel, id: r.contactId };
			refs.set(refKey(ref), ref);
		}
		yield { refs: [...refs.values()], lastId: id };
	}
}

export async function readState(db: Db, name: string): Promise<number | null> {
	const [row] = await db.select().from(rollupState).where(eq(rollupState.name, name));
	return row ? row.value : null;
}

// --- writes ----------------------------------------------------------------------------------------

const KEY_DEF =
	'grain text, start timestamptz, province text, issue_type text, channel text, queue text';
const KEY_COLS = 'grain, start, province, issue_type, channel, queue';
const keyJson = (k: CellKey) => ({
	grain: k.grain,
	start: new Date(k.start).toISOString(),
	province: k.province,
	issue_type: k.issueType,
	channel: k.channel,
	queue: k.queue
});

/** `(key columns) in (…keys)`, one parameter. */
function keysIn(keys: readonly CellKey[]): SQL {
	const c = rollupCells;
	return sql`(${c.grain}, ${c.start}, ${c.province}, ${c.issueType}, ${c.channel}, ${c.queue}) in (select ${sql.raw(KEY_COLS)} from jsonb_to_recordset(${rowsParam(keys.map(keyJson))}) as k(${sql.raw(KEY_DEF)}))`;
}

/** A cell row as the domain sees it. */
export function cellOf(row: CellRow): StoredCell {
	return {
		grain: row.grain as Grain,
		start: row.start.getTime(),
		province: row.province,
		issueType: row.issueType,
		channel: row.channel as Channel,
		queue: row.queue,
		n: COUNTER_NAMES.map((name) => Number(row[name])),
		frt: row.frtMs
	};
}

const COUNTER_COLUMNS = COUNTER_NAMES.map((name) => rollupCells[name].name);
const CELL_COLS = `${KEY_COLS}, day, ${COUNTER_COLUMNS.join(', ')}, frt_ms`;
const CELL_DEF = `${KEY_DEF}, day date, ${COUNTER_COLUMNS.map((c) => `${c} bigint`).join(', ')}, frt_ms jsonb`;
const CELL_UPDATE = [...COUNTER_COLUMNS, 'frt_ms'].map((c) => `${c} = excluded.${c}`).join(', ');

function cellJson(c: StoredCell): Record<string, unknown> {
	const row: Record<string, unknown> = { ...keyJson(c), day: wibDate(c.start), frt_ms: c.frt };
	COUNTER_COLUMNS.forEach((col, i) => (row[col] = c.n[i]!));
	return row;
}

async function putCells(tx: Tx, cells: StoredCell[]): Promise<void> {
	for (const part of chunks(cells)) {
		await tx.execute(
			sql`insert into rollup_cells (${sql.raw(CELL_COLS)}) select ${sql.raw(CELL_COLS)} from jsonb_to_recordset(${rowsParam(part.map(cellJson))}) as x(${sql.raw(CELL_DEF)}) on conflict (${sql.raw(KEY_COLS)}) do update set ${sql.raw(CELL_UPDATE)}`
		);
	}
}

/** Moves the deltas into the cells; returns how many samples to remove were not there. */
async function applyCellDeltas(tx: Tx, deltas: readonly CellDelta[]): Promise<number> {
	let missing = 0;
	for (const part of chunks(deltas)) {
		const rows = await tx.select().from(rollupCells).where(keysIn(part));
		const current = new Map(rows.map((r) => [cellKey(cellOf(r)), cellOf(r)]));
		const put: StoredCell[] = [];
		const drop: CellKey[] = [];
		for (const d of part) {
			const before = current.get(cellKey(d)) ?? null;
			const after = applyDelta(before, d);
			missing += after.missing;
			if (!isEmptyCell(after.values)) put.push({ ...keyOf(d), ...after.values });
			else if (before) drop.push(d);
		}
		if (drop.length) await tx.delete(rollupCells).where(keysIn(drop));
		await putCells(tx, put);
	}
	return missing;
}

const keyOf = (k: CellKey): CellKey => ({
	grain: k.grain,
	start: k.start,
	province: k.province,
	issueType: k.issueType,
	channel: k.channel,
	queue: k.queue
});

const FACT_COLS =
	'channel, contact_id, province, issue_type, first_at, last_at, chat_contact, chat_started_at, chat_ended_at, facts, updated_at';
const FACT_DEF =
	'channel text, contact_id text, province text, issue_type text, first_at timestamptz, last_at timestamptz, chat_contact text, chat_started_at timestamptz, chat_ended_at timestamptz, facts jsonb, updated_at timestamptz';
const FACT_UPDATE = FACT_COLS.split(', ')
	.slice(2)
	.map((c) => `${c} = excluded.${c}`)
	.join(', ');

function factsJson(c: ContactFacts): Record<string, unknown> {
	const r = factsRow(c);
	const iso = (d: Date | null) => (d === null ? null : d.toISOString());
	return {
		channel: r.channel,
		contact_id: r.contactId,
		province: r.province,
		issue_type: r.issueType,
		first_at: iso(r.firstAt),
		last_at: iso(r.lastAt),
		chat_contact: r.chatContact,
		chat_started_at: iso(r.chatStartedAt),
		chat_ended_at: iso(r.chatEndedAt),
		facts: r.facts,
		updated_at: iso(r.updatedAt)
	};
}

async function putFacts(tx: Tx, contacts: readonly ContactFacts[]): Promise<void> {
	for (const part of chunks(contacts)) {
		await tx.execute(
			sql`insert into contact_facts (${sql.raw(FACT_COLS)}) select ${sql.raw(FACT_COLS)} from jsonb_to_recordset(${rowsParam(part.map(factsJson))}) as x(${sql.raw(FACT_DEF)}) on conflict (channel, contact_id) do update set ${sql.raw(FACT_UPDATE)}`
		);
	}
}

/** What to store, decided from the facts stored now (read under the lock). */
export type FactsDecision = (stored: Map<string, ContactFacts>) => {
	contacts: ContactFacts[];
	deltas: CellDelta[];
};

/**
 * One exact step, atomically under the lock: reads the stored facts of `refs`, lets `decide`
 * say which new facts to store and which cell deltas follow from them, writes both, and sets
 * the applied-event watermark when given. Deciding on facts read under the lock is what keeps
 * two writers (the server and a CLI rebuild) from moving the same difference twice.
 */
export async function updateFacts(
	db: Db,
	refs: readonly ContactRef[],
	decide: FactsDecision,
	watermark?: { name: string; value: number }
): Promise<{ changed: number; missing: number }> {
	return db.transaction(async (tx) => {
		await tx.execute(LOCK);
		const { contacts, deltas } = decide(await readFacts(tx, refs));
		await putFacts(tx, contacts);
		const missing = await applyCellDeltas(tx, deltas);
		if (watermark) {
			await tx
				.insert(rollupState)
				.values(watermark)
				.onConflictDoUpdate({
					target: rollupState.name,
					set: { value: sql`greatest(${rollupState.value}, excluded.value)` }
				});
		}
		return { changed: contacts.length, missing };
	});
}

/**
 * Recounts the cells of [from, to) from the stored facts, in one transaction under the lock
 * (a rebuild; also repairs cells that drifted from their facts). Returns the cells written.
 */
export async function recountCells(db: Db, range: { from: number; to: number }): Promise<number> {
	return db.transaction(async (tx) => {
		await tx.execute(LOCK);
		const facts: Fact[][] = [];
		for await (const page of factsIn(tx, range)) for (const c of page) facts.push(c.facts);
		const cells = cellsOfFacts(facts, range.from, range.to);
		await tx
			.delete(rollupCells)
			.where(
				and(gte(rollupCells.start, new Date(range.from)), lt(rollupCells.start, new Date(range.to)))
			);
		await putCells(tx, cells);
		return cells.length;
	});
}
