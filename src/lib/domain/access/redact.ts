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
