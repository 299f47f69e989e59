/**
 * The case page's forms send the version the user saw: the one they loaded, or the one their
 * own change made. That one is read from the form action's answer, not from the reloaded page
 * data: a live reload racing the form's own reload may leave the data a version behind (or
 * ahead, with another tab's change the user has not looked at).
 */
import type { ReassignOutcome } from '$lib/live/reassign';

interface Answer {
	reassign?: { outcomes?: ReassignOutcome[] };
	status?: { saved?: boolean; version?: number };
	respond?: { saved?: boolean; version?: number };
}

/** The case's new version after a successful form action of the case page; else undefined. */
export function ownVersion(answer: Record<string, unknown> | undefined): number | undefined {
	const { reassign, status, respond } = (answer ?? {}) as Answer;
	const reassigned = reassign?.outcomes?.find((o) => o.result === 'ok');
	if (reassigned) return reassigned.version;
	for (const change of [status, respond]) if (change?.saved) return change.version;
	return undefined;
}
