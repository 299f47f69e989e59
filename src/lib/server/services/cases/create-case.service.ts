/**
 * Creates a case (issue 3 §Cases) from the API, the case form or a contact turned into a case:
 * checks the area, issue type, assignment and the received instant, fixes the SLA policy
 * revision (a later policy change applies to new cases only), and stores the case, its first
 * history entry and its `case.opened` contact event in one transaction. A case naming a
 * `sourceContactId` takes channel, province and issue type from that call or chat unless the
 * body gives them, and is refused (409, naming the case) when the contact already is a case:
 * one call, one case — a closed one is reopened, not duplicated.
 */
import { randomUUID } from 'node:crypto';
import { caseNumber, deriveArea } from '../../../domain/cases/numbers';
import { wibDate } from '../../../domain/time/wib';
import { caseCreateSchema, type CaseCreateParsed } from '../../../contracts/cases';
import type { Container } from '../../container';
import type { Db } from '../../db';
import { UNKNOWN } from '../../../domain/events';
import {
	appendCaseEvents,
	insertCase,
	nextCaseNumber,
	regencyExists,
	villageExists
} from '../../repositories/case.repository';
import { appendEvents } from '../../repositories/event.repository';
import { DEFAULT_TEAM_ID } from '../../seed/sla-defaults';
import { CASES_SOURCE, contactEvents, published } from './commit';
import { CaseServiceError, fromIssues, invalid } from './errors';
import { activeAgent, activeTeam } from './targets';
import { actingAs, currentPrincipal } from '../access/request-context';
import { covers } from '../../../domain/access/scope';
import type { SourceContact } from '../../../domain/cases/source-contact';
import { caseOfContact, lockContact } from '../../repositories/source-contact.repository';
import { findSourceContact, sourceContactView } from './source-contact';

/** Instants before this are typing errors, not letters. */
const OLDEST = Date.parse('2000-01-01T00:00:00+07:00');

export type CaseOrigin = 'api' | 'form' | 'contact';

/** Creates the case; resolves with its id. */
export async function createCaseRecord(
	c: Container,
	raw: unknown,
	origin: CaseOrigin
): Promise<string> {
	const parsed = caseCreateSchema.safeParse(raw);
	if (!parsed.success) throw fromIssues(parsed.error.issues);
	const source = parsed.data.sourceContactId
		? await findSourceContact(c, parsed.data.sourceContactId, parsed.data.channel)
		: null;
	const input = withContactDefaults(parsed.data, source);
	const now = c.clock.now();
	const area = await checkedArea(c, input);
	checkIssueType(c, input.issueType);
	checkScope({ province: area.provinceCode, issueType: input.issueType });
	const receivedAt = checkedReceivedAt(c, input.receivedAt, now);
	const { assigneeId, teamId } = assignment(c, ownAssignee(input));
	// The origin says where the case came from; `via` keeps which door it came through.
	const from: CaseOrigin = source ? 'contact' : origin;
	const policy = c.cases.evaluator().policyFor(input);
	const id = randomUUID();
	const { row, stored } = await c.database.db.transaction(async (tx) => {
		if (source) await refuseSecondCase(tx, source);
		const n = await nextCaseNumber(tx, Number(wibDate(now).slice(0, 4)));
		const row = await insertCase(tx, {
			id,
			number: caseNumber(Number(wibDate(now).slice(0, 4)), n),
			status: assigneeId ? 'assigned' : 'new',
			reporterType: input.reporterType,
			reporterName: input.reporterName ?? null,
			reporterContact: input.reporterContact,
			cooperativeId: input.cooperativeId ?? null,
			...area,
			issueType: input.issueType,
			priority: input.priority,
			channel: input.channel,
			subject: input.subject,
			description: input.description,
			origin: from,
			sourceContactId: input.sourceContactId ?? null,
			assigneeId,
			teamId,
			policyId: policy.id,
			receivedAt: new Date(receivedAt),
			createdAt: new Date(now),
			updatedAt: new Date(now)
		});
		const [created] = await appendCaseEvents(tx, [
			{
				caseId: id,
				at: new Date(now),
				actor: actingAs(input.actor),
				kind: 'created',
				fromValue: null,
				toValue: row.status,
				reason: null,
				payload: {
					origin: from,
					via: origin,
					policy: policy.id,
					assigneeId,
					teamId,
					sourceContactId: row.sourceContactId,
					// The link as it was when the case was made (the history shows it).
					sourceContact: source ? sourceContactView(source) : null
				}
			}
		]);
		const opened = contactEvents(id, created!.id, ['case.opened'], receivedAt, {
			province: area.provinceCode,
			issueType: input.issueType,
			origin: input.channel,
			priority: input.priority,
			policy: policy.id
		});
		return { row, stored: await appendEvents(tx, CASES_SOURCE, opened) };
	});
	await published(c, row, stored);
	return row.id;
}

/** The body with channel, province and issue type filled from the contact where it gave none. */
function withContactDefaults(input: CaseCreateParsed, source: SourceContact | null) {
	const namesArea = input.villageCode ?? input.regencyCode ?? input.provinceCode;
	const province = source && source.province !== UNKNOWN ? source.province : undefined;
	const issueType =
		input.issueType ?? (source && source.issueType !== UNKNOWN ? source.issueType : undefined);
	if (issueType === undefined) {
		throw invalid(
			'issueType',
			`is required: ${source?.channel} ${source?.id} has no known issue type`
		);
	}
	return {
		...input,
		channel: source?.channel ?? input.channel!,
		issueType,
		provinceCode: namesArea ? input.provinceCode : province
	};
}
type CaseInput = ReturnType<typeof withContactDefaults>;

/** Inside a request: the case must lie in the caller's scope (the gate cannot see defaults). */
function checkScope(place: { province: string; issueType: string }): void {
	const p = currentPrincipal();
	if (p && !covers(p, place)) {
		throw new CaseServiceError(
			'forbidden',
			`a case in province ${place.province} (${place.issueType}) is outside your scope`
		);
	}
}

async function refuseSecondCase(tx: Db, source: SourceContact): Promise<void> {
	await lockContact(tx, source.channel, source.id);
	const existing = await caseOfContact(tx, source.channel, source.id);
	if (existing) {
		throw new CaseServiceError(
			'conflict',
			`sourceContactId: ${source.channel} ${source.id} is already case ${existing.number} (${existing.status}); open that case (reopen it if it is closed)`,
			'sourceContactId'
		);
	}
}

async function checkedArea(c: Container, input: CaseInput) {
	const { area, conflict } = deriveArea(input);
	if (conflict) {
		throw invalid(
			conflict,
			`${conflict === 'regencyCode' ? area.regencyCode : area.provinceCode} does not contain ${conflict === 'regencyCode' ? area.villageCode : area.regencyCode}`
		);
	}
	if (area.villageCode && !(await villageExists(c.database.db, area.villageCode))) {
		throw invalid('villageCode', `unknown village "${area.villageCode}"`);
	}
	if (area.regencyCode && !(await regencyExists(c.database.db, area.regencyCode))) {
		throw invalid('regencyCode', `unknown regency "${area.regencyCode}"`);
	}
	const province = area.provinceCode ?? 'unknown';
	if (province !== 'unknown' && !c.reference.provinces.some((p) => p.code === province)) {
		throw invalid('provinceCode', `"${province}" is not one of the 38 BPS province codes`);
	}
	return { ...area, provinceCode: province };
}

export function checkIssueType(c: Container, code: string, field = 'issueType'): void {
	if (!c.reference.issueTypes.some((t) => t.code === code)) {
		const known = c.reference.issueTypes.map((t) => t.code).join(', ');
		throw invalid(field, `unknown issue type "${code}"; known: ${known}`);
	}
}

function checkedReceivedAt(c: Container, value: string | undefined, now: number): number {
	if (value === undefined) return now;
	const t = Date.parse(value);
	if (t > now + c.config.maxFutureMs) {
		throw invalid(
			'receivedAt',
			`${value} is in the future; a case's clock cannot start later than now`
		);
	}
	if (t < OLDEST) throw invalid('receivedAt', `${value} is before 2000; check the date`);
	return Math.min(t, now);
}

/**
 * An agent works their own cases only (access rules): a case an agent creates is theirs, as
 * naming another agent would hide it from them the moment it is saved.
 */
function ownAssignee(input: CaseInput): CaseInput {
	const p = currentPrincipal();
	if (p?.kind !== 'user' || p.role !== 'agent') return input;
	if (!p.agentId) {
		throw new CaseServiceError(
			'forbidden',
			'this account works as no agent, so it has no cases of its own; ask an administrator to link it'
		);
	}
	if (input.assigneeId && input.assigneeId !== p.agentId) {
		throw invalid(
			'assigneeId',
			`an agent's new case is their own (agent ${p.agentId}); a team lead reassigns it`
		);
	}
	return { ...input, assigneeId: p.agentId };
}

/** The named assignee and team (both checked active); else the default team, unassigned. */
function assignment(c: Container, input: CaseInput) {
	const agent = input.assigneeId ? activeAgent(c, input.assigneeId) : null;
	const team = input.teamId ? activeTeam(c, input.teamId) : null;
	const fallback = c.cases.directory.teams.get(DEFAULT_TEAM_ID);
	const teamId = team?.id ?? agent?.teamIds[0] ?? (fallback?.active ? fallback.id : null);
	return { assigneeId: agent?.id ?? null, teamId };
}
