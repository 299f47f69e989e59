/**
 * What a wall may show for its scope (issue 5 §3, isolation): a province wall's grid and a
 * wall's issue-type table keep only rows inside the wall's own scope, so a room of province 61
 * never carries another province's figures, however the live view was computed.
 */
import type { WallView } from '../metrics/wall-view';

/** The view trimmed to its own scope (national dimensions keep every row). */
export function wallViewInScope(view: WallView): WallView {
	const { province, issueType } = view.scope;
	if (province === null && issueType === null) return view;
	return {
		...view,
		provinces:
			province === null ? view.provinces : view.provinces.filter((p) => p.code === province),
		issueTypes:
			issueType === null ? view.issueTypes : view.issueTypes.filter((i) => i.code === issueType)
	};
}

/**
 * A case number as a wall display shows it (issue 5 §4: "masked case references only"): the
 * prefix and year stay, the serial keeps its last 3 digits — enough to tell breaches apart on
 * screen, not enough to look a case up. `K-2026-000123` → `K-2026-•••123`.
 */
export function maskCaseNumber(number: string): string {
	const m = /^(.*?)(\d+)$/.exec(number);
	if (!m) return '•'.repeat(Math.min(number.length, 8));
	const [, head, serial] = m as unknown as [string, string, string];
	const keep = Math.min(3, Math.max(0, serial.length - 3));
	return head + '•'.repeat(serial.length - keep) + serial.slice(serial.length - keep);
}
