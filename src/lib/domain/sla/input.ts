/**
 * Checks a case's clock input before evaluation, so inconsistent data (a reply before the case
 * was opened, a pause that ends before it starts) fails with a specific message, not a wrong
 * state on a wall display.
 */
import type { CaseClockInput } from './types';

export class SlaInputError extends Error {
	constructor(readonly problems: string[]) {
		super(`Invalid SLA clock input: ${problems.join('; ')}`);
		this.name = 'SlaInputError';
	}
}

/** Throws `SlaInputError` listing every problem of `input` and `now`. */
export function assertValidInput(input: CaseClockInput, now: number): void {
	const problems: string[] = [];
	const finite = (t: unknown, what: string) => {
		if (typeof t !== 'number' || !Number.isFinite(t))
			problems.push(`${what} must be an epoch-ms instant, got ${String(t)}`);
	};
	finite(now, 'now');
	finite(input.openedAt, 'openedAt');
	for (const key of ['firstRespondedAt', 'resolvedAt'] as const) {
		const t = input[key];
		if (t === null) continue;
		finite(t, key);
		if (t < input.openedAt) problems.push(`${key} (${t}) is before openedAt (${input.openedAt})`);
	}
	const spans = [
		...input.pauses.map((p, i) => ({ ...p, what: `pauses[${i}]` })),
		...(input.resolvedPeriods ?? []).map((p, i) => ({ ...p, what: `resolvedPeriods[${i}]` }))
	];
	for (const s of spans) {
		finite(s.from, `${s.what}.from`);
		if (s.to === null) continue;
		finite(s.to, `${s.what}.to`);
		if (s.to < s.from) problems.push(`${s.what} ends (${s.to}) before it starts (${s.from})`);
	}
	if (problems.length > 0) throw new SlaInputError(problems);
}
