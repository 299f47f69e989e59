/**
 * A selected case in the queue form travels as one checkbox value, `id|version|number`: the
 * version is what the team lead saw (the optimistic check, issue 3 §7) and the number lets a
 * page without JavaScript name each case in the results.
 */
import type { BulkItemResult } from '$contracts/cases';
import type { ReassignOutcome } from '$lib/live/reassign';

export interface Pick {
	caseId: string;
	expectedVersion: number;
	number: string;
}

export function pickValue(row: { id: string; version: number; number: string }): string {
	return `${row.id}|${row.version}|${row.number}`;
}

/**
 * Ticked cases in the queue: case id → the version the row showed when the team lead ticked
 * it. A live update may show the row's newer state (its new assignee) but must not move the
 * pending selection to the newer version: the reassignment would then always match, and the
 * server's optimistic check (the "already reassigned by …" conflict) could never fire.
 */
export type Picked = ReadonlyMap<string, number>;

/** The version a row is reassigned at: the one seen when ticked (its current one if not). */
export function pickedVersion(row: { id: string; version: number }, picked: Picked): number {
	return picked.get(row.id) ?? row.version;
}

/** Ticked, and the row has changed (live) since it was ticked. */
export function changedSincePicked(row: { id: string; version: number }, picked: Picked): boolean {
	return picked.has(row.id) && pickedVersion(row, picked) !== row.version;
}

/** Ticks every row shown; a row already ticked keeps the version it was ticked at. */
export function pickAll(
	rows: { id: string; version: number }[],
	picked: Picked
): Map<string, number> {
	return new Map(rows.map((row) => [row.id, pickedVersion(row, picked)]));
}

/** Reads checkbox values; a malformed one is a message naming it (a tampered form). */
export function parsePicks(values: string[]): { picks: Pick[] } | { problem: string } {
	const picks: Pick[] = [];
	for (const value of values) {
		const [caseId, version, number] = value.split('|');
		const expectedVersion = Number(version);
		if (!caseId || !number || !Number.isInteger(expectedVersion) || expectedVersion < 0) {
			return { problem: `case "${value}" must be id|version|number` };
		}
		picks.push({ caseId, expectedVersion, number });
	}
	return { picks };
}

/** The bulk service's per-case results as outcomes, named by case number. */
export function outcomesOf(picks: Pick[], results: BulkItemResult[]): ReassignOutcome[] {
	const numbers = new Map(picks.map((p) => [p.caseId, p.number]));
	return results.map((r) => ({
		caseId: r.caseId,
		number: numbers.get(r.caseId) ?? r.caseId,
		result: r.result,
		...(r.result === 'ok' ? { version: r.version } : { message: r.message })
	}));
}
