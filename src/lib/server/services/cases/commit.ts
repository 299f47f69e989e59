/**
 * One case change, committed once (issue 3 §Safe concurrent reassignment): the versioned update,
 * its history rows and the matching contact events in ONE transaction — a writer who saw an older
 * version changes nothing and gets `conflict` with who changed the case. After the commit the
 * new contact events go to the live metrics, the scheduler re-arms, and the fresh row is
 * published: only the winner of a race publishes anything.
 */
import type { CaseEvent, ContactEvent } from '../../../domain/events';
import { toWibIso, wibClock, wibDate } from '../../../domain/time/wib';
import type { ConflictCurrent } from '../../../contracts/cases';
import type { Container } from '../../container';
import {
	appendCaseEvents,
	findCase,
	latestCaseEvent,
	updateCaseIfVersion,
	type CaseRecord,
	type NewCaseEventRecord,
	type NewCaseRecord
} from '../../repositories/case.repository';
import { appendEvents } from '../../repositories/event.repository';
import { CaseServiceError, notFound } from './errors';
import { summaryOf } from './records';

export interface CaseChange {
	patch: Partial<NewCaseRecord>;
	history: Omit<NewCaseEventRecord, 'caseId' | 'at'>[];
	/** Contact events at the change's instant (metrics follow them). */
	events: CaseEvent['type'][];
}

/** The store's source name for contact events the case service records. */
export const CASES_SOURCE = 'cases';

export async function loadCase(c: Container, idOrNumber: string): Promise<CaseRecord> {
	const row = await findCase(c.database.db, idOrNumber);
	if (!row) throw notFound('case', idOrNumber);
	return row;
}

/**
 * Loads the case, decides the change and commits it at `expectedVersion`. Without an expected
 * version (the caller did not state what it saw), a concurrent change is not a conflict for the
 * caller: it decides again on the fresh case, up to three times.
 */
export async function changeCase(
	c: Container,
	idOrNumber: string,
	expectedVersion: number | undefined,
	decide: (current: CaseRecord, now: number) => CaseChange
): Promise<CaseRecord> {
	for (let attempt = 0; ; attempt++) {
		const current = await loadCase(c, idOrNumber);
		const version = expectedVersion ?? current.version;
		if (version !== current.version) throw await conflictOf(c, current);
		const now = c.clock.now();
		const change = decide(current, now);
		const updated = await commit(c, current, version, change, now);
		if (updated) return updated;
		if (expectedVersion !== undefined || attempt >= 2) {
			throw await conflictOf(c, await loadCase(c, current.id));
		}
	}
}

async function commit(
	c: Container,
	current: CaseRecord,
	version: number,
	change: CaseChange,
	now: number
): Promise<CaseRecord | null> {
	const result = await c.database.db.transaction(async (tx) => {
		const updated = await updateCaseIfVersion(tx, current.id, version, {
			...change.patch,
			updatedAt: new Date(now)
		});
		if (!updated) return null;
		const history = await appendCaseEvents(
			tx,
			change.history.map((h) => ({ ...h, caseId: current.id, at: new Date(now) }))
		);
		const stored = await appendEvents(
			tx,
			CASES_SOURCE,
			contactEvents(current.id, history[0]?.id ?? now, change.events, now)
		);
		return { updated, stored };
	});
	if (!result) return null;
	await published(c, result.updated, result.stored);
	return result.updated;
}

/** After a commit: metrics, scheduler, then the row (in that order: the row carries the SLA). */
export async function published(
	c: Container,
	row: CaseRecord,
	stored: Awaited<ReturnType<typeof appendEvents>>
): Promise<void> {
	if (stored.length) c.bus.publish('contact-events:appended', { events: stored });
	const summary = summaryOf(row);
	await c.cases.scheduler.update(summary);
	c.cases.publishRow(summary);
}

/** Contact events of one change, idempotent by (case, history row, type). */
export function contactEvents(
	caseId: string,
	changeId: number,
	types: CaseEvent['type'][],
	at: number,
	opened?: Partial<Extract<ContactEvent, { type: 'case.opened' }>>
) {
	return types.map((type) => ({
		sourceEventId: `case:${caseId}:${changeId}:${type}`,
		event: { type, caseId, at, ...(type === 'case.opened' ? opened : {}) } as ContactEvent
	}));
}

/** `already reassigned by <who> to <whom> at <WIB time>, refresh?` with the current state. */
export async function conflictOf(c: Container, current: CaseRecord): Promise<CaseServiceError> {
	const last = await latestCaseEvent(c.database.db, current.id);
	const dir = c.cases.directory;
	const by = last?.actor ?? 'someone';
	const at = last?.at.getTime() ?? current.updatedAt.getTime();
	const when = `${wibDate(at)} ${wibClock(at)} WIB`;
	const info: ConflictCurrent = {
		version: current.version,
		assignee: dir.agentRef(current.assigneeId),
		team: dir.teamRef(current.teamId),
		by,
		at: toWibIso(at)
	};
	const message =
		last?.kind === 'reassigned'
			? `already reassigned by ${by} to ${last.toValue ?? 'nobody'} at ${when}, refresh?`
			: `already changed by ${by} (${last?.kind ?? 'update'}${last?.toValue ? ` → ${last.toValue}` : ''}) at ${when}, refresh?`;
	return new CaseServiceError('conflict', message, 'expectedVersion', info);
}
