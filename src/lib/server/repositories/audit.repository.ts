/**
 * The audit log store (issue 5 §6). Appends take a transaction-scoped advisory lock, read the
 * last entry and insert the next one chained to it, so concurrent writers (several processes
 * on one PostgreSQL) still make one line. Nothing here updates or deletes entries.
 */
import { and, asc, desc, eq, gt, gte, ilike, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { AuditContent, AuditEntry } from '../../domain/access/audit-chain';
import { GENESIS } from '../../domain/access/audit-chain';
import type { Db } from '../db';
import { auditLog } from '../db/schema';

/** An arbitrary constant naming the audit log's lock (pg_advisory_xact_lock key). */
const AUDIT_LOCK = 5_150_726;

type Row = typeof auditLog.$inferSelect;

function toEntry(r: Row): AuditEntry {
	return {
		seq: r.seq,
		at: r.at.getTime(),
		actor: r.actor,
		action: r.action,
		target: r.target,
		outcome: r.outcome as AuditEntry['outcome'],
		address: r.address,
		detail: r.detail ?? null,
		prevHash: r.prevHash,
		hash: r.hash
	};
}

export type NewAudit = Omit<AuditContent, 'seq'>;

/** Appends one entry; `hashOf(content, prevHash)` computes its hash inside the lock. */
export async function appendAudit(
	db: Db,
	entry: NewAudit,
	hashOf: (content: AuditContent, prevHash: string) => string
): Promise<AuditEntry> {
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
		const [last] = await tx
			.select({ seq: auditLog.seq, hash: auditLog.hash })
			.from(auditLog)
			.orderBy(desc(auditLog.seq))
			.limit(1);
		const content: AuditContent = { ...entry, seq: (last?.seq ?? 0) + 1 };
		const prevHash = last?.hash ?? GENESIS;
		const hash = hashOf(content, prevHash);
		const [row] = await tx
			.insert(auditLog)
			.values({
				seq: content.seq,
				at: new Date(content.at),
				actor: content.actor,
				action: content.action,
				target: content.target,
				outcome: content.outcome,
				address: content.address,
				detail: content.detail ?? null,
				prevHash,
				hash
			})
			.returning();
		return toEntry(row!);
	});
}

/** Every entry in seq order, read in pages (the chain can be long). */
export async function* readAuditChain(db: Db, pageSize = 5000): AsyncGenerator<AuditEntry> {
	let after = 0;
	for (;;) {
		const rows = await db
			.select()
			.from(auditLog)
			.where(gt(auditLog.seq, after))
			.orderBy(asc(auditLog.seq))
			.limit(pageSize);
		for (const r of rows) yield toEntry(r);
		if (rows.length < pageSize) return;
		after = rows[rows.length - 1]!.seq;
	}
}

export interface AuditFilter {
	from?: Date;
	to?: Date;
	actor?: string;
	action?: string;
	outcome?: string;
	target?: string;
	/** Entries with seq below this (paging backwards, newest first). */
	before?: number;
	limit: number;
}

/** Newest first, filtered (the /admin/audit page). Text filters match parts, any case. */
export async function queryAudit(db: Db, f: AuditFilter): Promise<AuditEntry[]> {
	const where: SQL[] = [];
	if (f.from) where.push(gte(auditLog.at, f.from));
	if (f.to) where.push(lte(auditLog.at, f.to));
	if (f.actor) where.push(ilike(auditLog.actor, `%${escapeLike(f.actor)}%`));
	if (f.action) where.push(ilike(auditLog.action, `${escapeLike(f.action)}%`));
	if (f.target) where.push(ilike(auditLog.target, `%${escapeLike(f.target)}%`));
	if (f.outcome) where.push(eq(auditLog.outcome, f.outcome));
	if (f.before) where.push(lt(auditLog.seq, f.before));
	const rows = await db
		.select()
		.from(auditLog)
		.where(where.length ? and(...where) : undefined)
		.orderBy(desc(auditLog.seq))
		.limit(f.limit);
	return rows.map(toEntry);
}

function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
