/**
 * A case as the engine holds it, and what it contributes (metrics.md §Tickets / cases, sla.md).
 * Status events are folded in instant order: reaching resolved/closed from open is a
 * resolution; a reopen clears resolvedAt and the same resolution clock runs on.
 */
import type { CaseEvent, CaseOpened } from '../events';
import type { CaseClockInput, CaseSlaStatus, SlaTargetStatus } from '../sla/types';
import type { Contribution, Contributor } from './rollup';
import { insertSorted, type EngineContext } from './context';
import { TOTAL_QUEUE, type Dims } from './dims';
import { F } from './fields';

type StatusEvent = Extract<
	CaseEvent,
	{ type: 'case.resolved' | 'case.closed' | 'case.reopened' | 'case.waiting' | 'case.resumed' }
>;

export interface CaseContact extends Contributor {
	id: string;
	opened: CaseOpened | null;
	respondedAt: number | null;
	statusEvents: StatusEvent[];
	/** Instants the case went from open to resolved/closed. */
	resolutions: number[];
	/** The current resolution, or null while open. */
	resolvedAt: number | null;
	/** Resolved spans a reopen ended: the resolution clock stood still in them. */
	resolvedPeriods: { from: number; to: number }[];
	/** Spans waiting on the reporter (`to` null = still waiting): the resolution clock stops. */
	pauses: { from: number; to: number | null }[];
	lastAt: number;
	/** Dims as of the last contribution pass (the live scan reads them). */
	dims: Dims | null;
	/** SLA status at some instant, valid until its nextTransitionAt (or until the case changes). */
	sla: { status: CaseSlaStatus; from: number; until: number } | null;
}

/** A case seen for the first time (any of its events may come first). */
export function newCase(id: string): CaseContact {
	return {
		id,
		opened: null,
		respondedAt: null,
		statusEvents: [],
		resolutions: [],
		resolvedAt: null,
		resolvedPeriods: [],
		pauses: [],
		dims: null,
		contributions: [],
		lastAt: -Infinity,
		sla: null
	};
}

/** Order of status events at one instant: a resume or resolution ends a wait, a reopen
 * precedes a new wait (the case service emits them in this order). */
const RANK: Record<StatusEvent['type'], number> = {
	'case.resumed': 0,
	'case.resolved': 1,
	'case.closed': 2,
	'case.reopened': 3,
	'case.waiting': 4
};

/** Adds an event: first opening and first response win; status events are refolded. */
export function addCaseEvent(c: CaseContact, event: CaseEvent): void {
	c.lastAt = Math.max(c.lastAt, event.at);
	c.sla = null;
	if (event.type === 'case.opened') {
		if (!c.opened || event.at < c.opened.at) c.opened = event;
	} else if (event.type === 'case.responded') {
		c.respondedAt = c.respondedAt === null ? event.at : Math.min(c.respondedAt, event.at);
	} else {
		insertSorted(c.statusEvents, event, (a, b) => a.at - b.at || RANK[a.type] - RANK[b.type]);
		foldStatus(c);
	}
}

/**
 * Resolutions, resolved spans and pauses from the status events in order. A wait ends at the
 * reporter's answer (`case.resumed`) or at a resolution; a wait on a resolved case is ignored.
 */
function foldStatus(c: CaseContact): void {
	c.resolutions = [];
	c.resolvedAt = null;
	c.resolvedPeriods = [];
	c.pauses = [];
	let waitingSince: number | null = null;
	const endWait = (at: number) => {
		if (waitingSince !== null) c.pauses.push({ from: waitingSince, to: at });
		waitingSince = null;
	};
	for (const e of c.statusEvents) {
		if (e.type === 'case.waiting') {
			if (c.resolvedAt === null && waitingSince === null) waitingSince = e.at;
		} else if (e.type === 'case.resumed') {
			endWait(e.at);
		} else if (e.type === 'case.reopened') {
			if (c.resolvedAt !== null) c.resolvedPeriods.push({ from: c.resolvedAt, to: e.at });
			c.resolvedAt = null;
		} else if (c.resolvedAt === null) {
			endWait(e.at);
			c.resolvedAt = e.at;
			c.resolutions.push(e.at);
		}
	}
	if (waitingSince !== null) c.pauses.push({ from: waitingSince, to: null });
}

/** Open now: opened (seen) and not resolved/closed. A case never seen opening is not counted. */
export function isOpen(c: CaseContact): boolean {
	return c.opened !== null && c.resolvedAt === null;
}

/** A case's dims: province and issue type from its opening, channel `ticket`. */
export function caseDims(c: CaseContact, ctx: EngineContext): Dims {
	const province = ctx.codes.province(c.opened?.province);
	const issue = ctx.codes.issueType(c.opened?.issueType);
	return ctx.dims.get(province, issue, 'ticket', TOTAL_QUEUE);
}

/** The SLA clock's input; instants before the opening are clamped to it (odd source clocks). */
export function clockInput(c: CaseContact, ctx: EngineContext): CaseClockInput {
	const opened = c.opened!;
	const notBefore = (t: number | null) => (t === null ? null : Math.max(t, opened.at));
	return {
		openedAt: opened.at,
		firstRespondedAt: notBefore(c.respondedAt),
		resolvedAt: notBefore(c.resolvedAt),
		pauses: c.pauses.map((p) => ({ from: notBefore(p.from)!, to: notBefore(p.to) })),
		resolvedPeriods: c.resolvedPeriods.map((p) => ({
			from: notBefore(p.from)!,
			to: notBefore(p.to)!
		})),
		...(opened.policy ? { policyId: opened.policy } : {}),
		issueType: caseDims(c, ctx).issueType,
		priority: opened.priority ?? 'normal',
		channel: opened.origin ?? 'ticket'
	};
}

/** The case's SLA status at `now`, re-evaluated only when a state may have changed. */
export function slaStatusAt(c: CaseContact, ctx: EngineContext, now: number): CaseSlaStatus | null {
	if (!ctx.sla || !c.opened) return null;
	if (c.sla && now >= c.sla.from && now < c.sla.until) return c.sla.status;
	const status = ctx.sla.evaluate(clockInput(c, ctx), now);
	c.sla = { status, from: now, until: status.nextTransitionAt ?? Infinity };
	return status;
}

/**
 * opened at the opening; resolved at each resolution; SLA compliance per target kind: a target
 * met in time settles (met, fell due) at metAt; one met late, breached or still running falls
 * due at dueAt — a figure window never reaches past `now`, so a running target counts only
 * once its due time has passed.
 */
export function caseContributions(c: CaseContact, ctx: EngineContext): Contribution[] {
	const out: Contribution[] = [];
	const dims = (c.dims = caseDims(c, ctx));
	const push = (at: number, field: number) => out.push({ at, dims, field, value: 1 });
	if (c.opened) {
		push(c.opened.at, F.casesOpened);
		const origin = c.opened.origin ?? 'ticket';
		if (origin === 'ticket') push(c.opened.at, F.casesOpenedAsTicket);
	}
	for (const at of c.resolutions) push(at, F.casesResolved);
	if (!ctx.sla || !c.opened) return out;
	const status = ctx.sla.evaluate(clockInput(c, ctx), Math.max(c.lastAt, c.opened.at));
	const target = (t: SlaTargetStatus, met: number, due: number) => {
		if (t.metAt !== null && t.state === 'met') {
			push(t.metAt, met);
			push(t.metAt, due);
		} else if (t.dueAt !== null) push(t.dueAt, due);
	};
	target(status.firstResponse, F.firstResponseMetInTime, F.firstResponseFellDue);
	target(status.resolution, F.resolutionMetInTime, F.resolutionFellDue);
	return out;
}
