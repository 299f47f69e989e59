/**
 * The work queue's order and its live upkeep (issue 3 §6: "open cases sorted by time left,
 * breached first"). Pure: the rune class feeds it rows from the server and socket facts.
 */
import type { CaseRow, SlaStateName, SlaTargetName } from '$contracts/cases';

/** Worst first: the order in which a case's two target states combine into its `state`. */
const SEVERITY: Record<SlaStateName, number> = {
	breached: 4,
	at_risk: 3,
	on_track: 2,
	met_late: 1,
	met: 0
};

/** The worse of two states (breached > at_risk > on_track > met_late > met). */
export function worstState(a: SlaStateName, b: SlaStateName): SlaStateName {
	return SEVERITY[a] >= SEVERITY[b] ? a : b;
}

const dueOf = (row: CaseRow) =>
	row.dueAt === null ? Number.POSITIVE_INFINITY : Date.parse(row.dueAt);

/**
 * Breached cases first, then by due instant (least time left first; no running clock last),
 * then by case number so the order never depends on arrival.
 */
export function compareByTimeLeft(a: CaseRow, b: CaseRow): number {
	const breached = Number(b.state === 'breached') - Number(a.state === 'breached');
	if (breached !== 0) return breached;
	const due = dueOf(a) - dueOf(b);
	if (due !== 0 && !Number.isNaN(due)) return due;
	return a.number.localeCompare(b.number);
}

/** Sorted copy of the rows. */
export function sortByTimeLeft(rows: readonly CaseRow[]): CaseRow[] {
	return [...rows].sort(compareByTimeLeft);
}

/**
 * Applies a fresh row from the server: replaces the case's row unless the held one is newer
 * (facts can overtake each other), drops it when it no longer `belongs`, keeps the order.
 */
export function upsertRow(
	rows: readonly CaseRow[],
	row: CaseRow,
	belongs: (row: CaseRow) => boolean
): CaseRow[] {
	const held = rows.find((r) => r.id === row.id);
	if (held && held.version > row.version) return [...rows];
	const others = rows.filter((r) => r.id !== row.id);
	return belongs(row) ? sortByTimeLeft([...others, row]) : others;
}

/**
 * Applies an SLA transition to a held row (the timer fired; the version does not change):
 * the target's state, then the combined state, then the order.
 */
export function applyTransition(
	rows: readonly CaseRow[],
	caseId: string,
	target: SlaTargetName,
	to: SlaStateName
): CaseRow[] {
	const held = rows.find((r) => r.id === caseId);
	if (!held) return [...rows];
	const changed = { ...held, [target]: to };
	changed.state = worstState(changed.firstResponse, changed.resolution);
	return sortByTimeLeft(rows.map((r) => (r.id === caseId ? changed : r)));
}

/**
 * Whether the row's countdown is frozen: the resolution clock stops while waiting on the
 * reporter (sla.md §Policies), and `dueAt` is the resolution's once first response is met.
 */
export function countdownPaused(row: CaseRow): boolean {
	const firstResponseDone = row.firstResponse === 'met' || row.firstResponse === 'met_late';
	return row.status === 'waiting_on_reporter' && firstResponseDone;
}
