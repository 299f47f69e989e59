/**
 * Per-minute and per-WIB-day additive buckets keyed by dims (DESIGN.md "live state"): a window
 * is a sum of buckets, so wall views and figures cost O(cells), not O(contacts). Each contact
 * keeps the contributions it made; any change to the contact retracts them and adds the new
 * ones, which is what makes late or out-of-order events exact.
 */
import { DAY_MS, MINUTE_MS, startOfMinute, startOfWibDay } from '../time/wib';
import type { Dims } from './dims';
import { FIRST_RESPONSE_VALUE, newCell, type Cell } from './fields';

/** One fact a contact adds to the bucket of the instant it is attributed to. */
export interface Contribution {
	at: number;
	dims: Dims;
	field: number;
	value: number;
}

export interface Contributor {
	contributions: Contribution[];
}

/** Receives the cells and single contributions of a window. */
export interface Sink {
	cell(dims: Dims, cell: Cell, sign: 1 | -1): void;
	one(dims: Dims, field: number, value: number): void;
}

type Cells = Map<Dims, Cell>;
interface MinuteBucket {
	cells: Cells;
	members: Set<Contributor>;
}

/** The bucket store of one engine (see the file comment). */
export class Rollup {
	private minutes = new Map<number, MinuteBucket>();
	private days = new Map<number, Cells>();
	/** Everything attributed before this instant has been pruned and is ignored from now on. */
	private prunedBefore = -Infinity;

	/** Replaces what `who` contributes with `next`. */
	replace(who: Contributor, next: Contribution[]): void {
		const prev = who.contributions;
		if (sameContributions(prev, next)) return;
		for (const c of prev) this.add(c, -1, who);
		who.contributions = next;
		for (const c of next) this.add(c, 1, who);
	}

	/** Removes `who` from the buckets (prune). */
	forget(who: Contributor): void {
		for (const c of who.contributions) this.add(c, -1, who);
		who.contributions = [];
	}

	private add(c: Contribution, sign: 1 | -1, who: Contributor): void {
		if (c.at < this.prunedBefore) return;
		const minute = startOfMinute(c.at);
		let bucket = this.minutes.get(minute);
		if (!bucket) this.minutes.set(minute, (bucket = { cells: new Map(), members: new Set() }));
		if (sign > 0) bucket.members.add(who);
		else bucket.members.delete(who);
		addTo(bucket.cells, c, sign);
		const day = startOfWibDay(c.at);
		let dayCells = this.days.get(day);
		if (!dayCells) this.days.set(day, (dayCells = new Map()));
		addTo(dayCells, c, sign);
	}

	/** Feeds `sink` everything attributed to [from, to), exact to the millisecond. */
	visit(from: number, to: number, sink: Sink): void {
		if (from >= to) return;
		const first = Math.ceil(from / MINUTE_MS) * MINUTE_MS;
		const last = startOfMinute(to);
		if (first > last) return this.visitRaw(from, to, sink);
		if (from < first) this.visitRaw(from, first, sink);
		for (let day = startOfWibDay(first); day < last; day += DAY_MS) {
			this.visitDay(day, Math.max(first, day), Math.min(last, day + DAY_MS), sink);
		}
		if (last < to) this.visitRaw(last, to, sink);
	}

	/** The cells of one minute bucket (the wall's series). */
	visitMinute(minute: number, sink: Sink): void {
		const bucket = this.minutes.get(minute);
		if (bucket) visitCells(bucket.cells, sink, 1);
	}

	/** Whole minutes [lo, hi) of one WIB day: from the day bucket when that is cheaper. */
	private visitDay(day: number, lo: number, hi: number, sink: Sink): void {
		const dayCells = this.days.get(day);
		if (!dayCells) return;
		if (hi - lo <= DAY_MS / 2) return this.visitMinutes(lo, hi, sink, 1);
		visitCells(dayCells, sink, 1);
		this.visitMinutes(day, lo, sink, -1);
		this.visitMinutes(hi, day + DAY_MS, sink, -1);
	}

	private visitMinutes(lo: number, hi: number, sink: Sink, sign: 1 | -1): void {
		for (let m = lo; m < hi; m += MINUTE_MS) {
			const bucket = this.minutes.get(m);
			if (bucket) visitCells(bucket.cells, sink, sign);
		}
	}

	/** [lo, hi) inside one minute, from the contributions themselves. */
	private visitRaw(lo: number, hi: number, sink: Sink): void {
		const bucket = this.minutes.get(startOfMinute(lo));
		if (!bucket) return;
		for (const who of bucket.members) {
			for (const c of who.contributions) {
				if (c.at >= lo && c.at < hi) sink.one(c.dims, c.field, c.value);
			}
		}
	}

	/**
	 * Drops the minutes that end by `before`; the day holding `before` keeps only its remaining
	 * minutes, so day-minus-minutes sums stay right. Later changes before the cut are ignored.
	 */
	prune(before: number): void {
		const cut = startOfMinute(before);
		if (cut <= this.prunedBefore) return;
		this.prunedBefore = cut;
		const cutDay = startOfWibDay(cut);
		for (const [minute, bucket] of this.minutes) {
			if (minute >= cut) continue;
			this.minutes.delete(minute);
			const dayCells = minute >= cutDay ? this.days.get(cutDay) : undefined;
			if (dayCells) for (const [dims, cell] of bucket.cells) subtractCell(dayCells, dims, cell);
		}
		for (const day of this.days.keys()) if (day + DAY_MS <= cut) this.days.delete(day);
	}

	/** Empties every bucket (settings changed: contributions are rebuilt). */
	clear(): void {
		this.minutes = new Map();
		this.days = new Map();
	}
}

function addTo(cells: Cells, c: Contribution, sign: 1 | -1): void {
	let cell = cells.get(c.dims);
	if (!cell) cells.set(c.dims, (cell = newCell()));
	if (c.field !== FIRST_RESPONSE_VALUE) {
		cell.n[c.field]! += sign * c.value;
	} else if (sign > 0) {
		cell.values.push(c.value);
	} else {
		const i = cell.values.indexOf(c.value);
		if (i >= 0) cell.values.splice(i, 1);
	}
}

function subtractCell(cells: Cells, dims: Dims, cell: Cell): void {
	const target = cells.get(dims);
	if (!target) return;
	for (let i = 0; i < cell.n.length; i++) target.n[i]! -= cell.n[i]!;
	for (const v of cell.values) {
		const i = target.values.indexOf(v);
		if (i >= 0) target.values.splice(i, 1);
	}
}

function visitCells(cells: Cells, sink: Sink, sign: 1 | -1): void {
	for (const [dims, cell] of cells) sink.cell(dims, cell, sign);
}

function sameContributions(a: Contribution[], b: Contribution[]): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) {
		const x = a[i]!;
		const y = b[i]!;
		if (x.at !== y.at || x.dims !== y.dims || x.field !== y.field || x.value !== y.value) {
			return false;
		}
	}
	return true;
}
