/**
 * Teams and agents in memory (a few hundred rows), reloaded after every administrative save, so
 * the work queue and the wall name assignees without a query per row.
 */
import type { AgentView, Named, TeamView } from '../../../contracts/cases';
import type { Db } from '../../db';
import { loadDirectory } from '../../repositories/directory.repository';

export class Directory {
	teams = new Map<string, TeamView>();
	agents = new Map<string, AgentView>();

	constructor(private db: Db) {}

	async reload(): Promise<void> {
		const { teams, agents } = await loadDirectory(this.db);
		this.teams = new Map(teams.map(({ updatedAt: _u, ...t }) => [t.id, t]));
		this.agents = new Map(agents.map(({ updatedAt: _u, ...a }) => [a.id, a]));
	}

	agentRef(id: string | null): Named | null {
		if (id === null) return null;
		return { id, name: this.agents.get(id)?.name ?? id };
	}

	teamRef(id: string | null): Named | null {
		if (id === null) return null;
		return { id, name: this.teams.get(id)?.name ?? id };
	}
}
