/**
 * The additive counters a bucket cell holds, and Tally, the sum of cells over a window.
 * Durations are kept as integer milliseconds so sums are exact whatever the order of events.
 */

/** Counter indices of a cell. */
export const F = {
	answered: 0,
	answeredWithinThreshold: 1,
	abandoned: 2,
	shortAbandons: 3,
	exited: 4,
	/** Sum / count of the waits of answered calls whose wait is known (ASA). */
	answeredWaitMs: 5,
	answeredWaitCount: 6,
	/** Sum / count of handle times of completed calls (AHT), and how many had hold/wrap-up. */
	handleMs: 7,
	handleCount: 8,
	handleWithHoldOrWrapUp: 9,
	sessions: 10,
	handOffs: 11,
	botSessionsEnded: 12,
	botContained: 13,
	firstResponseMs: 14,
	firstResponseCount: 15,
	missed: 16,
	casesOpened: 17,
	/** Cases opened that did not come from a call or chat (so a contact is not counted twice). */
	casesOpenedAsTicket: 18,
	casesResolved: 19,
	firstResponseMetInTime: 20,
	firstResponseFellDue: 21,
	resolutionMetInTime: 22,
	resolutionFellDue: 23
} as const;
/** Number of counters in a cell (the size of F). */
export const FIELD_COUNT = 24;

/** Pseudo-field of a contribution that is a raw first-response time (ms), kept for the p90. */
export const FIRST_RESPONSE_VALUE = -1;

/** One bucket cell: counters plus the raw first-response times (ms) in it. */
export interface Cell {
	readonly n: Float64Array;
	readonly values: number[];
}

/** A cell with every counter 0. */
export function newCell(): Cell {
	return { n: new Float64Array(FIELD_COUNT), values: [] };
}

/** A running sum of cells and single contributions (sign -1 subtracts a cell). */
export class Tally {
	readonly n = new Float64Array(FIELD_COUNT);
	private readonly added: number[] = [];
	private readonly removed: number[] = [];

	/** `keepValues` false: counters only (grid cells need no p90). */
	constructor(private readonly keepValues = true) {}

	addCell(cell: Cell, sign: 1 | -1): void {
		for (let i = 0; i < FIELD_COUNT; i++) this.n[i]! += sign * cell.n[i]!;
		if (!this.keepValues) return;
		const into = sign > 0 ? this.added : this.removed;
		for (const v of cell.values) into.push(v);
	}

	addOne(field: number, value: number): void {
		if (field !== FIRST_RESPONSE_VALUE) this.n[field]! += value;
		else if (this.keepValues) this.added.push(value);
	}

	/** The first-response times (ms) in the window, ascending. */
	sortedValues(): number[] {
		const sorted = Array.from(Float64Array.from(this.added).sort());
		if (this.removed.length === 0) return sorted;
		const drop = new Map<number, number>();
		for (const v of this.removed) drop.set(v, (drop.get(v) ?? 0) + 1);
		return sorted.filter((v) => {
			const left = drop.get(v) ?? 0;
			if (left > 0) drop.set(v, left - 1);
			return left === 0;
		});
	}
}
