/**
 * The audit log (issue 5 §6): `audit()` appends a hash-chained entry; `verifyAudit()` walks the
 * chain and names the first broken link; `searchAudit()` serves /admin/audit.
 */
import { createHash } from 'node:crypto';
import { chainChecker, chainText, type ChainReport } from '../../../domain/access/audit-chain';
import { redactAuditDetail } from '../../../domain/access/audit-redact';
import { describePrincipal, type Principal } from '../../../domain/access/principal';
import type { AuditView } from '../../../contracts/access';
import type { Db } from '../../db';
import {
	appendAudit,
	queryAudit,
	readAuditChain,
	type AuditFilter
} from '../../repositories/audit.repository';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Who did it and from where: a principal (or a CLI user), and the client address. */
export interface Actor {
	principal: Principal | null;
	address: string | null;
	/** Overrides the principal's name (`cli:root`, or the e-mail tried at a failed sign-in). */
	name?: string;
}

export interface AuditRecord {
	action: string;
	target?: string | null;
	outcome?: 'ok' | 'denied' | 'failed';
	detail?: unknown;
}

/**
 * Appends one entry at `at` (epoch ms). Failing to audit fails the caller: no silent gaps.
 * Personal data in `detail` is masked before the entry is stored and hashed (issue 5 §7).
 */
export async function audit(db: Db, actor: Actor, record: AuditRecord, at: number): Promise<void> {
	await appendAudit(
		db,
		{
			at,
			actor: actor.name ?? describePrincipal(actor.principal),
			action: record.action,
			target: record.target ?? null,
			outcome: record.outcome ?? 'ok',
			address: actor.address,
			detail: redactAuditDetail(record.detail ?? null)
		},
		(content, prevHash) => sha256(chainText(content, prevHash))
	);
}

/** Checks the whole chain (`sigap audit verify`). */
export async function verifyAudit(db: Db): Promise<ChainReport> {
	const checker = chainChecker(sha256);
	for await (const e of readAuditChain(db)) {
		const broken = checker.next(e);
		if (broken) return broken;
	}
	return checker.end();
}

export async function searchAudit(db: Db, filter: AuditFilter): Promise<AuditView[]> {
	const rows = await queryAudit(db, filter);
	return rows.map((r) => ({
		seq: r.seq,
		at: new Date(r.at).toISOString(),
		actor: r.actor,
		action: r.action,
		target: r.target,
		outcome: r.outcome,
		address: r.address,
		detail: r.detail
	}));
}
