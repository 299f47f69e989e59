import { describe, it, expect } from 'vitest';
import {
	applyTransition,
	compareByTimeLeft,
	countdownPaused,
	sortByTimeLeft,
	upsertRow,
	worstState
} from './case-order';
import { aRow } from './case-rows.fixtures';

const at = (hhmm: string) => `2026-03-09T${hhmm}:00+07:00`;
const numbers = (rows: { number: string }[]) => rows.map((r) => r.number);

describe('sortByTimeLeft', () => {
	it('puts breached first, then least time left, then no running clock, ties by number', () => {
		const rows = [
			aRow({ number: 'K-5', dueAt: null, state: 'met' }),
			aRow({ number: 'K-4', dueAt: at('12:00') }),
			aRow({ number: 'K-3', dueAt: at('09:00'), state: 'at_risk' }),
			aRow({ number: 'K-2', dueAt: at('08:00'), state: 'breached' }),
			aRow({ number: 'K-1', dueAt: at('07:45'), state: 'breached' }),
			aRow({ number: 'K-0', dueAt: at('12:00') })
		];
		expect(numbers(sortByTimeLeft(rows))).toEqual(['K-1', 'K-2', 'K-3', 'K-0', 'K-4', 'K-5']);
	});

	it('ranks a breached case above one due earlier that is not breached', () => {
		// The resolution target breached while the first response still runs later.
		const breached = aRow({ number: 'K-B', dueAt: at('15:00'), state: 'breached' });
		const early = aRow({ number: 'K-E', dueAt: at('09:00'), state: 'at_risk' });
		expect(compareByTimeLeft(breached, early)).toBeLessThan(0);
	});
});

describe('worstState', () => {
	it.each([
		{ a: 'on_track', b: 'breached', worst: 'breached' },
		{ a: 'at_risk', b: 'on_track', worst: 'at_risk' },
		{ a: 'met', b: 'met_late', worst: 'met_late' },
		{ a: 'met_late', b: 'on_track', worst: 'on_track' }
	] as const)('$a + $b → $worst', ({ a, b, worst }) => {
		expect(worstState(a, b)).toBe(worst);
		expect(worstState(b, a)).toBe(worst);
	});
});

describe('upsertRow', () => {
	const all = () => true;
	const rows = [
		aRow({ id: 'a', number: 'K-1', dueAt: at('09:00') }),
		aRow({ id: 'b', number: 'K-2', dueAt: at('10:00') })
	];

	it('inserts a new row in time-left order', () => {
		const next = upsertRow(rows, aRow({ id: 'c', number: 'K-3', dueAt: at('09:30') }), all);
		expect(numbers(next)).toEqual(['K-1', 'K-3', 'K-2']);
	});

	it('replaces a row with a newer version and re-sorts', () => {
		const next = upsertRow(
			rows,
			aRow({ id: 'a', number: 'K-1', version: 2, dueAt: at('11:00') }),
			all
		);
		expect(numbers(next)).toEqual(['K-2', 'K-1']);
	});

	it('ignores an older version that arrives late', () => {
		const held = [aRow({ id: 'a', version: 3, subject: 'new' })];
		expect(upsertRow(held, aRow({ id: 'a', version: 2, subject: 'old' }), all)[0]!.subject).toBe(
			'new'
		);
	});

	it('drops a row that no longer belongs (resolved, or moved out of the filter)', () => {
		const next = upsertRow(
			rows,
			aRow({ id: 'a', version: 2, status: 'resolved' }),
			(r) => r.status !== 'resolved'
		);
		expect(numbers(next)).toEqual(['K-2']);
	});
});

describe('applyTransition', () => {
	it('sets the target state, recomputes the combined state and re-sorts', () => {
		const rows = [
			aRow({ id: 'a', number: 'K-1', dueAt: at('09:00') }),
			aRow({ id: 'b', number: 'K-2', dueAt: at('10:00') })
		];
		const next = applyTransition(rows, 'b', 'resolution', 'breached');
		expect(numbers(next)).toEqual(['K-2', 'K-1']);
		expect(next[0]).toMatchObject({
			resolution: 'breached',
			state: 'breached',
			firstResponse: 'on_track'
		});
	});

	it('leaves the rows alone for a case not held', () => {
		const rows = [aRow()];
		expect(applyTransition(rows, 'zz', 'firstResponse', 'breached')).toEqual(rows);
	});
});

describe('countdownPaused', () => {
	it.each([
		{ status: 'waiting_on_reporter', firstResponse: 'met', paused: true },
		{ status: 'waiting_on_reporter', firstResponse: 'on_track', paused: false },
		{ status: 'in_progress', firstResponse: 'met', paused: false }
	] as const)('$status with first response $firstResponse → paused $paused', (c) => {
		expect(countdownPaused(aRow({ status: c.status, firstResponse: c.firstResponse }))).toBe(
			c.paused
		);
	});
});
