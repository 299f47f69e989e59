/**
 * The wall's breach ticker (issue 3 §5): the latest breaches in the wall's scope, newest first,
 * each once per target, with how late it is now. No personal data: a `WallBreach` has none.
 */
import type { WallBreach } from '$contracts/cases';
import type { WallScope } from '$contracts/metrics';

/** Whether a breach belongs on a wall with this scope (a province or issue-type wall). */
export function inScope(breach: WallBreach, scope: WallScope): boolean {
	return (
		(scope.province === null || scope.province === breach.province) &&
		(scope.issueType === null || scope.issueType === breach.issueType)
	);
}

const key = (b: WallBreach) => `${b.caseId}:${b.target}`;

/**
 * Adds a breach: ignored when out of scope or already held (a replay, a second socket), else
 * placed by its instant, newest first, and the list cut to `limit`.
 */
export function addBreach(
	list: readonly WallBreach[],
	breach: WallBreach,
	scope: WallScope,
	limit: number
): { list: WallBreach[]; added: boolean } {
	if (!inScope(breach, scope) || list.some((b) => key(b) === key(breach))) {
		return { list: [...list], added: false };
	}
	const next = [...list, breach].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
	return { list: next.slice(0, limit), added: next.indexOf(breach) < limit };
}

/**
 * Seconds late at `now`. The due instant is `at − lateBySeconds` (a breach recorded after a
 * restart carries how late it already was), so the figure keeps growing on screen.
 */
export function lateSeconds(breach: WallBreach, now: number): number {
	const due = Date.parse(breach.at) - breach.lateBySeconds * 1000;
	return Math.max(0, Math.floor((now - due) / 1000));
}
