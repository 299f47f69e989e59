/**
 * The case services the pages, routes and socket handlers call (issue 3). Each takes the
 * container and raw input (validated here with the contract's schemas), throws
 * `CaseServiceError` on expected failures (wrap with `answerOf` for JSON, `ackOf` for acks),
 * and publishes facts on the bus; the realtime layer broadcasts them.
 */
import type { Container } from '../../container';
import type {
	AgentView,
	BulkReassignResult,
	CalendarView,
	CaseListResult,
	CaseView,
	NotificationView,
	SlaPolicyView,
	TeamView,
	WallBreach
} from '../../../contracts/cases';
import type { WallScope } from '../../../contracts/metrics';

export { CaseServiceError, answerOf, ackOf, type Answer } from './errors';

const todo = (): never => {
	throw new Error('not implemented yet');
};

/** Creates a case (`caseCreateSchema`); source `'api' | 'form' | 'contact'`. → the case view. */
export async function createCase(
	_c: Container,
	_input: unknown,
	_source: 'api' | 'form' | 'contact' = 'api'
): Promise<CaseView> {
	return todo();
}

/** One case by id or number (`K-2026-000123`), with SLA and history. Throws not_found. */
export async function getCase(_c: Container, _idOrNumber: string): Promise<CaseView> {
	return todo();
}

/** The work queue (`caseListQuerySchema`, e.g. URLSearchParams as an object). */
export async function listCases(_c: Container, _query: unknown): Promise<CaseListResult> {
	return todo();
}

/** Status change (`caseStatusChangeSchema`), incl. waiting_on_reporter pause and reopen. */
export async function changeCaseStatus(
	_c: Container,
	_caseId: string,
	_input: unknown
): Promise<{ version: number }> {
	return todo();
}

/** The first (or a later) reply to the reporter by a person (`caseResponseSchema`). */
export async function respondToCase(
	_c: Container,
	_caseId: string,
	_input: unknown
): Promise<{ version: number }> {
	return todo();
}

/** Reassign (`caseReassignSchema`): `{ version }`, or CaseServiceError 'conflict' with `current`. */
export async function reassignCase(
	_c: Container,
	_caseId: string,
	_input: unknown
): Promise<{ version: number }> {
	return todo();
}

/** Bulk reassign (`bulkReassignSchema`): per-case ok | conflict | not_found | invalid. */
export async function reassignCases(_c: Container, _input: unknown): Promise<BulkReassignResult> {
	return todo();
}

export async function listAgents(_c: Container): Promise<AgentView[]> {
	return todo();
}
/** Create or update (`agentSaveSchema`; id omitted = create). */
export async function saveAgent(_c: Container, _input: unknown): Promise<AgentView> {
	return todo();
}
export async function listTeams(_c: Container): Promise<TeamView[]> {
	return todo();
}
/** Create or update (`teamSaveSchema`). */
export async function saveTeam(_c: Container, _input: unknown): Promise<TeamView> {
	return todo();
}

export async function listCalendars(_c: Container): Promise<CalendarView[]> {
	return todo();
}
/** Create or replace (`calendarSaveSchema`); rebuilds the SLA evaluator. */
export async function saveCalendar(_c: Container, _input: unknown): Promise<CalendarView> {
	return todo();
}
export async function listSlaPolicies(_c: Container): Promise<SlaPolicyView[]> {
	return todo();
}
/** Create or replace (`slaPolicySaveSchema`); applies to cases created afterwards. */
export async function saveSlaPolicy(_c: Container, _input: unknown): Promise<SlaPolicyView> {
	return todo();
}

/** In-app notifications of an agent (team lead) that are due (deliverAt ≤ now). */
export async function listNotifications(
	_c: Container,
	_agentId: string
): Promise<NotificationView[]> {
	return todo();
}

/** Latest breaches for the wall ticker's first paint (SSR), newest first. */
export async function recentBreaches(
	_c: Container,
	_scope: WallScope,
	_limit = 10
): Promise<WallBreach[]> {
	return todo();
}
