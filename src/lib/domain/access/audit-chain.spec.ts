import { describe, expect, it } from 'vitest';
import {
	GENESIS,
	canonicalJson,
	chainText,
	verifyChain,
	type AuditContent,
	type AuditEntry
} from './audit-chain';

/** A stand-in for SHA-256 (the domain is pure): two FNV-1a passes, 64 bits of hex. */
function sha(text: string): string {
	const pass = (seed: number) => {
		let h = seed;
		for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
		return h.toString(16).padStart(8, '0');
	};
	return pass(2166136261) + pass(33554467);
}

function chain(contents: AuditContent[]): AuditEntry[] {
	let prev = GENESIS;
	return contents.map((c) => {
		const hash = sha(chainText(c, prev));
		const e = { ...c, prevHash: prev, hash };
		prev = hash;
		return e;
	});
}

const content = (seq: number, over: Partial<AuditContent> = {}): AuditContent => ({
	seq,
	at: 1_700_000_000_000 + seq,
	actor: 'user:1 (a@b.id)',
	action: 'case.reassign',
	target: `case:${seq}`,
	outcome: 'ok',
	address: '127.0.0.1',
	detail: { reason: 'cover', to: { team: 'T1' } },
	...over
});

describe('canonicalJson', () => {
	it('does not depend on key order', () => {
		expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
			canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 })
		);
	});
	it('drops undefined fields like JSON does', () => {
		expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
	});
});

describe('verifyChain', () => {
	const entries = chain([1, 2, 3, 4, 5].map((s) => content(s)));

	it('passes an intact chain and reports its head', () => {
		expect(verifyChain(entries, sha)).toEqual({ ok: true, count: 5, head: entries[4]!.hash });
		expect(verifyChain([], sha)).toEqual({ ok: true, count: 0, head: GENESIS });
	});

	it.each([
		['actor', { actor: 'someone else' }],
		['action', { action: 'case.status' }],
		['target', { target: 'case:99' }],
		['outcome', { outcome: 'denied' as const }],
		['instant', { at: 1 }],
		['detail (nested)', { detail: { reason: 'cover', to: { team: 'T2' } } }],
		['address', { address: null }]
	])('names the entry whose %s was edited', (_field, edit) => {
		for (const at of [0, 2, 4]) {
			const tampered = entries.map((e, i) => (i === at ? { ...e, ...edit } : e));
			expect(verifyChain(tampered, sha)).toMatchObject({ ok: false, brokenAt: at + 1 });
		}
	});

	it('an edited entry with a recomputed hash breaks the next link', () => {
		const edited = { ...entries[1]!, actor: 'x' };
		edited.hash = sha(chainText(edited, edited.prevHash));
		const tampered = entries.map((e, i) => (i === 1 ? edited : e));
		expect(verifyChain(tampered, sha)).toMatchObject({
			ok: false,
			brokenAt: 3,
			reason: expect.stringContaining('previous-hash')
		});
	});

	it('a deleted entry is named by the sequence gap', () => {
		const tampered = entries.filter((e) => e.seq !== 3);
		expect(verifyChain(tampered, sha)).toMatchObject({
			ok: false,
			brokenAt: 4,
			reason: expect.stringContaining('missing')
		});
	});

	it('reordered entries are detected', () => {
		const swapped = [entries[0]!, entries[2]!, entries[1]!, entries[3]!];
		expect(verifyChain(swapped, sha)).toMatchObject({ ok: false, brokenAt: 3 });
	});
});
