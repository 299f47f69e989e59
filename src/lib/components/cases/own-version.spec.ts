import { describe, it, expect } from 'vitest';
import { ownVersion } from './own-version';

describe('ownVersion', () => {
	it('reads the version a reassignment, a status change or a response made', () => {
		const ok = { caseId: 'c-1', number: 'K-1', result: 'ok' as const, version: 4 };
		expect(ownVersion({ reassign: { outcomes: [ok] } })).toBe(4);
		expect(ownVersion({ status: { saved: true, version: 5 } })).toBe(5);
		expect(ownVersion({ respond: { saved: true, version: 6 } })).toBe(6);
	});

	it('is undefined when the action changed nothing', () => {
		const conflict = { caseId: 'c-1', number: 'K-1', result: 'conflict' as const, message: 'x' };
		expect(ownVersion({ reassign: { outcomes: [conflict] } })).toBeUndefined();
		expect(ownVersion({ status: { saved: false } })).toBeUndefined();
		expect(ownVersion({})).toBeUndefined();
		expect(ownVersion(undefined)).toBeUndefined();
	});
});
