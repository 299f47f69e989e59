/**
 * The transitions a case's SLA targets have gone through, derived from their status at an
 * instant (sla.md §States): on_track → at_risk → breached → met_late, or → met. Each carries
 * its own instant, so a scheduler that wakes late, or a restart, records the same facts as
 * one that watched every instant.
 */
import type { CaseSlaStatus, SlaState, SlaTargetStatus } from './types';

export type SlaTarget = 'firstResponse' | 'resolution';

export interface SlaTransition {
	target: SlaTarget;
	from: SlaState;
	to: SlaState;
	/** The instant of the transition (atRiskAt, dueAt or metAt), epoch ms. */
	at: number;
	/** The target's due instant, for how late a breach or a late answer is. */
	dueAt: number | null;
}

/** Every transition both targets have made up to the status's instant, in instant order. */
export function transitionsOf(status: CaseSlaStatus): SlaTransition[] {
	return [
		...targetPath('firstResponse', status.firstResponse),
		...targetPath('resolution', status.resolution)
	].sort((a, b) => a.at - b.at);
}

/** The path one target took from on_track to its current state. */
export function targetPath(target: SlaTarget, t: SlaTargetStatus): SlaTransition[] {
	const out: SlaTransition[] = [];
	let state: SlaState = 'on_track';
	const go = (to: SlaState, at: number | null) => {
		if (at === null) return;
		out.push({ target, from: state, to, at, dueAt: t.dueAt });
		state = to;
	};
	const reachedRisk = (until: number) =>
		t.atRiskAt !== null && t.atRiskAt <= until && (t.dueAt === null || t.atRiskAt < t.dueAt);
	switch (t.state) {
		case 'on_track':
			break;
		case 'at_risk':
			go('at_risk', t.atRiskAt);
			break;
		case 'breached':
		case 'met_late':
			if (reachedRisk(t.dueAt ?? Infinity)) go('at_risk', t.atRiskAt);
			go('breached', t.dueAt);
			if (t.state === 'met_late') go('met_late', t.metAt);
			break;
		case 'met':
			if (t.metAt !== null && reachedRisk(t.metAt)) go('at_risk', t.atRiskAt);
			go('met', t.metAt);
			break;
	}
	return out;
}

/** Seconds a transition is late: breached → now − dueAt; met_late → at − dueAt; else 0. */
export function lateBySeconds(t: SlaTransition, now: number): number {
	if (t.dueAt === null) return 0;
	if (t.to === 'breached') return Math.max(0, Math.round((now - t.dueAt) / 1000));
	if (t.to === 'met_late') return Math.max(0, Math.round((t.at - t.dueAt) / 1000));
	return 0;
}
