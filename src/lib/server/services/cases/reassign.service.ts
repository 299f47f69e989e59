/**
 * Reassignment (issue 3 §Safe concurrent reassignment): the caller states the version it saw;
 * of two team leads who saw the same version exactly one wins (one history entry, one
 * broadcast), the other gets `conflict` naming who reassigned to whom and when. Reassignment
 * never touches a clock (sla.md §Policies). The HTTP route, the form action and the socket
 * command all call this.
 */
import { isOpenStatus, type CaseStatus } from '../../../domain/cases/facts';
import { toWibIso } from '../../../domain/time/wib';
import { caseReassignSchema, type Named } from '../../../contracts/cases';
import type { Container } from '../../container';
import type { CaseRecord } from '../../repositories/case.repository';
import { changeCase } from './commit';
import { fromIssues, invalid } from './errors';
import { activeAgent, activeTeam } from './targets';
import { actingAs } from '../access/request-context';

export async function reassign(
	c: Container,
	caseId: string,
	raw: unknown
): Promise<{ version: number }> {
	const parsed = caseReassignSchema.safeParse(raw);
	if (!parsed.success) throw fromIssues(parsed.error.issues);
	const input = parsed.data;
	const agent = input.assigneeId ? activeAgent(c, input.assigneeId) : null;
	const team = input.teamId ? activeTeam(c, input.teamId) : null;
	const dir = c.cases.directory;
	let from: Assignment = { assignee: null, team: null };
	let to: Assignment = { assignee: null, team: null };
	const updated = await changeCase(c, caseId, input.expectedVersion, (current) => {
		if (!isOpenStatus(current.status as CaseStatus)) {
			throw invalid('status', `case ${current.number} is ${current.status}; reopen it first`);
		}
		const teamId = team?.id ?? keepOrAgentTeam(current, agent?.teamIds ?? null);
		const assigneeId = agent?.id ?? keepAssignee(c, current, teamId);
		if (assigneeId === current.assigneeId && teamId === current.teamId) {
			throw invalid(
				agent ? 'assigneeId' : 'teamId',
				`case ${current.number} is already assigned there`
			);
		}
		from = { assignee: dir.agentRef(current.assigneeId), team: dir.teamRef(current.teamId) };
		to = { assignee: dir.agentRef(assigneeId), team: dir.teamRef(teamId) };
		const status = assigneeId
			? current.status === 'new'
				? 'assigned'
				: current.status
			: current.status === 'assigned'
				? 'new'
				: current.status;
		return {
			patch: { assigneeId, teamId, status },
			history: [
				{
					actor: actingAs(input.actor),
					kind: 'reassigned',
					fromValue: label(from),
					toValue: label(to),
					reason: input.reason,
					payload: { from, to }
				}
			],
			events: []
		};
	});
	c.bus.publish('case:reassigned', {
		caseId: updated.id,
		number: updated.number,
		version: updated.version,
		from,
		to,
		by: actingAs(input.actor),
		reason: input.reason,
		at: toWibIso(updated.updatedAt.getTime())
	});
	return { version: updated.version };
}

interface Assignment {
	assignee: Named | null;
	team: Named | null;
}

/** `Budi Santoso (Tim Layanan Nasional)`, or the team alone. */
function label(a: Assignment): string {
	if (a.assignee && a.team) return `${a.assignee.name} (${a.team.name})`;
	return a.assignee?.name ?? a.team?.name ?? 'nobody';
}

/** An agent outside the case's team brings the case into the agent's first team. */
function keepOrAgentTeam(current: CaseRecord, agentTeams: string[] | null): string | null {
	if (!agentTeams || agentTeams.length === 0) return current.teamId;
	return current.teamId && agentTeams.includes(current.teamId) ? current.teamId : agentTeams[0]!;
}

/** A case moved to another team keeps its assignee only if the assignee belongs to it. */
function keepAssignee(c: Container, current: CaseRecord, teamId: string | null): string | null {
	const assignee = current.assigneeId ? c.cases.directory.agents.get(current.assigneeId) : null;
	return assignee && teamId && assignee.teamIds.includes(teamId) ? assignee.id : null;
}
