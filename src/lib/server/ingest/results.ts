/** Reading the ingest API's per-event results (contracts/ingest.ts) on the sending side. */
import type { EventProblem, IngestResponse } from '../../contracts/ingest';

export interface ResultCounts {
	accepted: number;
	duplicate: number;
	rejected: number;
}

/** `path message; path message`, as the server explained a rejection. */
export function problemsText(problems: readonly EventProblem[]): string {
	return problems.map((p) => (p.path ? `${p.path} ${p.message}` : p.message)).join('; ');
}

/** Adds one batch's results to `counts`, calling `onRejected` with each rejected event's index. */
export function countResults(
	answer: IngestResponse,
	counts: ResultCounts,
	onRejected: (index: number, why: string) => void,
	onWarning?: (index: number, what: string) => void
): void {
	for (const r of answer.results) {
		counts[r.status]++;
		if (r.status === 'rejected') onRejected(r.index, problemsText(r.problems));
		if (r.status === 'accepted' && r.warnings?.length)
			onWarning?.(r.index, problemsText(r.warnings));
	}
}
