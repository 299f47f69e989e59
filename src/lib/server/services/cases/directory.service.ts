/**
 * Agents and teams (issue 3 §Agents and teams): administrators create and edit them; the
 * directory in memory is reloaded after each save. A save with an existing id updates it; a
 * create (`{ create: true }`: the admin page's new row, `POST`) with one is refused as a
 * conflict naming `id`, and nothing changes.
 */
import { randomUUID } from 'node:crypto';
import {
	agentSaveSchema,
	teamSaveSchema,
	type AgentView,
	type TeamView
} from '../../../contracts/cases';
import type { Container } from '../../container';
import {
	insertAgent,
	insertTeam,
	upsertAgent,
	upsertTeam
} from '../../repositories/directory.repository';
import { checkIssueType } from './create-case.service';
import { fromIssues, idInUse, invalid, type SaveOptions } from './errors';

export function agents(c: Container): AgentView[] {
	return [...c.cases.directory.agents.values()];
}

export function teams(c: Container): TeamView[] {
	return [...c.cases.directory.teams.values()];
}

export async function putAgent(
	c: Container,
	raw: unknown,
	{ create = false }: SaveOptions = {}
): Promise<AgentView> {
	const parsed = agentSaveSchema.safeParse(raw);
	if (!parsed.success) throw fromIssues(parsed.error.issues);
	const { actor: _actor, ...input } = parsed.data;
	input.teamIds.forEach((id, i) => {
		if (!c.cases.directory.teams.has(id)) throw invalid(`teamIds[${i}]`, `unknown team "${id}"`);
	});
	input.provinces.forEach((code, i) => {
		if (!c.reference.provinces.some((p) => p.code === code)) {
			throw invalid(`provinces[${i}]`, `"${code}" is not one of the 38 BPS province codes`);
		}
	});
	input.issueTypes.forEach((code, i) => checkIssueType(c, code, `issueTypes[${i}]`));
	const agent: AgentView = { ...input, id: input.id ?? `agent-${randomUUID().slice(0, 8)}` };
	const now = new Date(c.clock.now());
	if (!create) await upsertAgent(c.database.db, agent, now);
	else if (!(await insertAgent(c.database.db, agent, now))) throw idInUse('agent', agent.id);
	await c.cases.directory.reload();
	return agent;
}

export async function putTeam(
	c: Container,
	raw: unknown,
	{ create = false }: SaveOptions = {}
): Promise<TeamView> {
	const parsed = teamSaveSchema.safeParse(raw);
	if (!parsed.success) throw fromIssues(parsed.error.issues);
	const { actor: _actor, ...input } = parsed.data;
	if (input.leadAgentId && !c.cases.directory.agents.has(input.leadAgentId)) {
		throw invalid('leadAgentId', `unknown agent "${input.leadAgentId}"`);
	}
	if (!c.cases.settings().calendars.has(input.calendarId)) {
		throw invalid('calendarId', `unknown calendar "${input.calendarId}"`);
	}
	const team: TeamView = { ...input, id: input.id ?? slug(input.name) };
	const now = new Date(c.clock.now());
	if (!create) await upsertTeam(c.database.db, team, now);
	else if (!(await insertTeam(c.database.db, team, now))) throw idInUse('team', team.id);
	await c.cases.directory.reload();
	return team;
}

function slug(name: string): string {
	const base = name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 40);
	return `${base || 'team'}-${randomUUID().slice(0, 4)}`;
}
