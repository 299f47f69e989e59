/** What the per-channel reducers share: settings, the dims table, the optional SLA evaluator. */
import type { CaseSlaEvaluator } from '../sla/types';
import { DimensionCodes, DimsTable } from './dims';
import type { MetricsSettings } from './settings';

export interface EngineContext {
	readonly settings: MetricsSettings;
	readonly codes: DimensionCodes;
	readonly dims: DimsTable;
	readonly sla: CaseSlaEvaluator | null;
}

/** The context for a settings value (dimension codes are derived from its lists). */
export function makeContext(
	settings: MetricsSettings,
	dims: DimsTable,
	sla: CaseSlaEvaluator | null
): EngineContext {
	return { settings, codes: new DimensionCodes(settings), dims, sla };
}

/** Inserts `item` into the sorted `list` after every element that is not greater. */
export function insertSorted<T>(list: T[], item: T, compare: (a: T, b: T) => number): void {
	let lo = 0;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (compare(list[mid]!, item) <= 0) lo = mid + 1;
		else hi = mid;
	}
	list.splice(lo, 0, item);
}
