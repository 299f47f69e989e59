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
 * Seconds late at `now`. A target breaches at its due instant, so `at` is the due instant and
 * the figure grows on screen; `lateBySeconds` (how late when the server sent it) is a floor,
 * so a browser clock running behind cannot make a breach look less late than the server said.
 */
export function lateSeconds(breach: WallBreach, now: number): number {
	const sinceDue = Math.floor((now - Date.parse(breach.at)) / 1000);
	return Math.max(0, breach.lateBySeconds, sinceDue);
}
