/**
 * The case services the pages, routes and socket handlers call (issue 3). Each takes the
 * container and raw input (validated here with the contract's schemas in contracts/cases.ts),
 * throws `CaseServiceError` on expected failures — wrap with `answerOf` for a JSON answer
 * `{ status, body }` (400 invalid_payload with `field`, 404 not_found, 409 conflict with
 * `current`) or `ackOf` for a socket ack — and publishes facts on the bus, which the realtime
 * layer broadcasts. Every change takes an optional `actor` (free text until sign-in exists).
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
import { latestWallBreaches, notificationsOf, readNotification, unreadOf } from './alerts.service';
import { reassignMany } from './bulk-reassign.service';
import { changeStatus } from './change-status.service';
import { createCaseRecord, type CaseOrigin } from './create-case.service';
import { agents, putAgent, putTeam, teams } from './directory.service';
import { caseView } from './get-case.service';
import { listCaseRows } from './list-cases.service';
import { reassign } from './reassign.service';
import { respond } from './respond.service';
import {
	calendarViews,
	deletePolicy,
	policyViews,
	putCalendar,
	putPolicy
} from './sla-admin.service';

export { CaseServiceError, answerOf, ackOf, bodyOf, type Answer } from './errors';

/** Creates a case (`caseCreateSchema`); `origin` api | form | contact. → the case view (201). */
export async function createCase(
	c: Container,
	input: unknown,
	origin: CaseOrigin = 'api'
): Promise<CaseView> {
	return caseView(c, await createCaseRecord(c, input, origin));
}

/** One case by id or number (`K-2026-000123`), with SLA and history. Throws not_found. */
export function getCase(c: Container, idOrNumber: string): Promise<CaseView> {
	return caseView(c, idOrNumber);
}

/** The work queue (`caseListQuerySchema`; pass `Object.fromEntries(url.searchParams)`). */
export function listCases(c: Container, query: unknown): Promise<CaseListResult> {
	return listCaseRows(c, query);
}

/** Status change (`caseStatusChangeSchema`), incl. waiting_on_reporter pause and reopen. */
export function changeCaseStatus(
	c: Container,
	caseId: string,
	input: unknown
): Promise<{ version: number }> {
	return changeStatus(c, caseId, input);
}

/** A reply to the reporter by a person (`caseResponseSchema`); the first meets first response. */
export function respondToCase(
	c: Container,
	caseId: string,
	input: unknown
): Promise<{ version: number }> {
	return respond(c, caseId, input);
}

/** Reassign (`caseReassignSchema`): `{ version }`, or CaseServiceError 'conflict' with `current`. */
export function reassignCase(
	c: Container,
	caseId: string,
	input: unknown
): Promise<{ version: number }> {
	return reassign(c, caseId, input);
}

/** Bulk reassign (`bulkReassignSchema`): per case ok | conflict | not_found | invalid. */
export function reassignCases(c: Container, input: unknown): Promise<BulkReassignResult> {
	return reassignMany(c, input);
}

export async function listAgents(c: Container): Promise<AgentView[]> {
	return agents(c);
}
/** Create or update (`agentSaveSchema`; id omitted = create, existing id = update). */
export function saveAgent(c: Container, input: unknown): Promise<AgentView> {
	return putAgent(c, input);
}
/** Create only (`POST`, the new row): an id already in use is a 409 conflict naming `id`. */
export function createAgent(c: Container, input: unknown): Promise<AgentView> {
	return putAgent(c, input, { create: true });
}
export async function listTeams(c: Container): Promise<TeamView[]> {
	return teams(c);
}
/** Create or update (`teamSaveSchema`). */
export function saveTeam(c: Container, input: unknown): Promise<TeamView> {
	return putTeam(c, input);
}
/** Create only (`POST`, the new row): an id already in use is a 409 conflict naming `id`. */
export function createTeam(c: Container, input: unknown): Promise<TeamView> {
	return putTeam(c, input, { create: true });
}

export async function listCalendars(c: Container): Promise<CalendarView[]> {
	return calendarViews(c);
}
/** Create or replace (`calendarSaveSchema`); every open case and the wall are re-evaluated. */
export function saveCalendar(c: Container, input: unknown): Promise<CalendarView> {
	return putCalendar(c, input);
}
/** Create only (the editor's new calendar): an id in use is a 409 conflict naming `id`. */
export function createCalendar(c: Container, input: unknown): Promise<CalendarView> {
	return putCalendar(c, input, { create: true });
}
export async function listSlaPolicies(c: Container): Promise<SlaPolicyView[]> {
	return policyViews(c);
}
/** Create or revise (`slaPolicySaveSchema`); applies to cases created afterwards. */
export function saveSlaPolicy(c: Container, input: unknown): Promise<SlaPolicyView> {
	return putPolicy(c, input);
}
/** Create only (the new row): an id of a current policy is a 409 conflict naming `id`. */
export function createSlaPolicy(c: Container, input: unknown): Promise<SlaPolicyView> {
	return putPolicy(c, input, { create: true });
}
/** Retires a policy; the last default policy cannot be retired. */
export function retireSlaPolicy(c: Container, id: string): Promise<{ retired: string }> {
	return deletePolicy(c, id);
}

/** In-app notifications of an agent (team lead) whose delivery instant has come. */
export function listNotifications(c: Container, agentId: string): Promise<NotificationView[]> {
	return notificationsOf(c, agentId);
}
/** Marks one read; pages pass the signed-in user's agent so nobody marks another's. */
export function markNotificationRead(
	c: Container,
	id: number,
	recipientAgentId?: string
): Promise<{ read: true }> {
	return readNotification(c, id, recipientAgentId);
}
/** Delivered and unread: the number on the bell. */
export function unreadNotifications(c: Container, agentId: string): Promise<number> {
	return unreadOf(c, agentId);
}

/** Latest breaches for the wall ticker's first paint (SSR), newest first. */
export function recentBreaches(c: Container, scope: WallScope, limit = 10): Promise<WallBreach[]> {
	return latestWallBreaches(c, scope, limit);
}
