/**
 * `sigap rollup rebuild --from --to` (issue 6 §Rollups): re-derives every contact that can
 * have a fact in the range from its stored events, then recounts the range's cells from the
 * stored facts (which also repairs cells that drifted). Days are WIB days.
 */
import type { Channel } from '../../../domain/events';
import {
	contactsWithEvents,
	factsIn,
	recountCells,
	refKey,
	type ContactRef
} from '../../repositories/rollup.repository';
import { rederive, type RederiveDeps } from './rederive';

const DAY = 86_400_000;
/**
 * How far back a case's events may lie and still put a fact in the range: its SLA due time.
 * Resolution targets are business minutes; 120 days covers targets of many weeks plus long
 * holiday stretches. A case older than that with a fact in range is found by its stored facts.
 */
export const CASE_LOOKBACK_MS = 120 * DAY;
/** Cells are recounted a week per transaction (bounded memory and lock time). */
const RECOUNT_STEP = 7 * DAY;

export interface RebuildReport {
	contacts: number;
	changed: number;
	cells: number;
}

/** Rebuilds [from, to); `progress` hears a line per stage. */
export async function rebuildRollups(
	deps: RederiveDeps,
	range: { from: number; to: number },
	progress: (line: string) => void = () => {}
): Promise<RebuildReport> {
	const report: RebuildReport = { contacts: 0, changed: 0, cells: 0 };
	const done = new Set<string>();
	const run = async (refs: ContactRef[]) => {
		const todo = refs.filter((r) => !done.has(refKey(r)));
		for (const r of todo) done.add(refKey(r));
		if (!todo.length) return;
		const result = await rederive(deps, todo, { recountLater: range });
		report.contacts += todo.length;
		report.changed += result.changed;
	};
	const sources: { from: number; to: number; channels: Channel[] }[] = [
		{ from: range.from - DAY, to: range.to + DAY, channels: ['call', 'chat'] },
		{ from: range.from - CASE_LOOKBACK_MS, to: range.to + DAY, channels: ['ticket'] }
	];
	for (const source of sources) {
		for await (const refs of contactsWithEvents(deps.db, source)) await run(refs);
		progress(`${source.channels.join('+')}: ${report.contacts} contacts re-derived`);
	}
	for await (const page of factsIn(deps.db, range)) await run(page);
	progress(`${report.contacts} contacts re-derived, ${report.changed} changed`);
	for (let from = range.from; from < range.to; from += RECOUNT_STEP) {
		report.cells += await recountCells(deps.db, {
			from,
			to: Math.min(from + RECOUNT_STEP, range.to)
		});
	}
	progress(`${report.cells} cells recounted`);
	return report;
}
