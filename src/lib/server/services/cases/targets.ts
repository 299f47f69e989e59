/** Assignment targets, checked: an agent or team must exist and be active (issue 3 §Bad input). */
import type { AgentView, TeamView } from '../../../contracts/cases';
import type { Container } from '../../container';
import { invalid } from './errors';

export function activeAgent(c: Container, id: string, field = 'assigneeId'): AgentView {
	const agent = c.cases.directory.agents.get(id);
	if (!agent) throw invalid(field, `unknown agent "${id}"`);
	if (!agent.active) throw invalid(field, `agent ${agent.name} (${id}) is inactive`);
	return agent;
}

export function activeTeam(c: Container, id: string, field = 'teamId'): TeamView {
	const team = c.cases.directory.teams.get(id);
	if (!team) throw invalid(field, `unknown team "${id}"`);
	if (!team.active) throw invalid(field, `team ${team.name} (${id}) is inactive`);
	return team;
}
