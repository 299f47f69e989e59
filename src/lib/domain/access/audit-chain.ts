/**
 * The audit log's hash chain (issue 5 §6): each entry's hash covers its own content and the
 * previous entry's hash, so editing, deleting or reordering any stored entry breaks the chain
 * from that entry on. The hash function is injected (SHA-256 on the server): this file is pure.
 */

export interface AuditContent {
	seq: number;
	at: number;
	actor: string;
	action: string;
	target: string | null;
	outcome: 'ok' | 'denied' | 'failed';
	address: string | null;
	detail: unknown;
}

export interface AuditEntry extends AuditContent {
	prevHash: string;
	hash: string;
}

/** The hash before the first entry. */
export const GENESIS = '0'.repeat(64);

/**
 * JSON with object keys sorted at every level: the database (jsonb) does not keep key order,
 * so the text that is hashed must not depend on it.
 */
export function canonicalJson(value: unknown): string {
	if (value === undefined) return 'null';
	if (value === null || typeof value !== 'object') return JSON.stringify(value);
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, v]) => v !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The exact text hashed for an entry: the previous hash, then the content, canonically. */
export function chainText(content: AuditContent, prevHash: string): string {
	const { seq, at, actor, action, target, outcome, address, detail } = content;
	return `${prevHash}\n${canonicalJson({ seq, at, actor, action, target, outcome, address, detail })}`;
}

export type ChainReport =
	| { ok: true; count: number; head: string }
	| { ok: false; count: number; brokenAt: number; reason: string };

/**
 * Checks entries one at a time, in seq order from the first (so a long log streams): `next`
 * returns the first broken link (the entry whose sequence number, previous hash or own hash
 * does not follow), naming it by seq; `end` reports an intact chain and its head.
 */
export function chainChecker(hash: (text: string) => string) {
	let prev = GENESIS;
	let count = 0;
	return {
		next(e: AuditEntry): ChainReport | null {
			count += 1;
			const broken = (reason: string): ChainReport => ({
				ok: false,
				count,
				brokenAt: e.seq,
				reason
			});
			if (e.seq !== count)
				return broken(`sequence jumps from ${count - 1} to ${e.seq} (entries missing)`);
			if (e.prevHash !== prev) return broken('previous-hash does not match the entry before it');
			if (hash(chainText(e, e.prevHash)) !== e.hash)
				return broken('content does not match its hash (edited)');
			prev = e.hash;
			return null;
		},
		end: (): ChainReport => ({ ok: true, count, head: prev })
	};
}

/** The whole chain at once (see chainChecker). */
export function verifyChain(
	entries: Iterable<AuditEntry>,
	hash: (text: string) => string
): ChainReport {
	const checker = chainChecker(hash);
	for (const e of entries) {
		const broken = checker.next(e);
		if (broken) return broken;
	}
	return checker.end();
}
