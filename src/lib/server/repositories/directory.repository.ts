/** Teams and agents (issue 3 §Agents and teams): a small table each, read whole and cached. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { agents, teams } from '../db/schema';

export type TeamRow = typeof teams.$inferSelect;
export type AgentRow = typeof agents.$inferSelect;

export async function loadDirectory(db: Db): Promise<{ teams: TeamRow[]; agents: AgentRow[] }> {
	return {
		teams: await db.select().from(teams).orderBy(asc(teams.name)),
		agents: await db.select().from(agents).orderBy(asc(agents.name))
	};
}

/** Whether an agent record exists (a user account may only be linked to a real agent). */
export async function agentExists(db: Db, id: string): Promise<boolean> {
	const rows = await db.select({ id: agents.id }).from(agents).where(eq(agents.id, id)).limit(1);
	return rows.length > 0;
}

export async function upsertTeam(
	db: Db,
	row: Omit<TeamRow, 'updatedAt'>,
	now: Date
): Promise<void> {
	const { id: _id, ...rest } = row;
	await db
		.insert(teams)
		.values({ ...row, updatedAt: now })
		.onConflictDoUpdate({ target: teams.id, set: { ...rest, updatedAt: now } });
}

export async function upsertAgent(
	db: Db,
	row: Omit<AgentRow, 'updatedAt'>,
	now: Date
): Promise<void> {
	const { id: _id, ...rest } = row;
	await db
		.insert(agents)
		.values({ ...row, updatedAt: now })
		.onConflictDoUpdate({ target: agents.id, set: { ...rest, updatedAt: now } });
}

/** Stores a new team; false (and nothing changed) when a team already has its id. */
export async function insertTeam(
	db: Db,
	row: Omit<TeamRow, 'updatedAt'>,
	now: Date
): Promise<boolean> {
	const stored = await db
		.insert(teams)
		.values({ ...row, updatedAt: now })
		.onConflictDoNothing({ target: teams.id })
		.returning({ id: teams.id });
	return stored.length > 0;
}

/** Stores a new agent; false (and nothing changed) when an agent already has its id. */
export async function insertAgent(
	db: Db,
	row: Omit<AgentRow, 'updatedAt'>,
	now: Date
): Promise<boolean> {
	const stored = await db
		.insert(agents)
		.values({ ...row, updatedAt: now })
		.onConflictDoNothing({ target: agents.id })
		.returning({ id: agents.id });
	return stored.length > 0;
}

/** Seeds rows that do not exist yet; an edited or deactivated row is left as it is. */
export async function seedDirectory(
	db: Db,
	seed: { teams: Omit<TeamRow, 'updatedAt'>[]; agents: Omit<AgentRow, 'updatedAt'>[] }
): Promise<void> {
	const at = new Date(0);
	await db
		.insert(teams)
		.values(seed.teams.map((t) => ({ ...t, updatedAt: at })))
		.onConflictDoNothing();
	await db
		.insert(agents)
		.values(seed.agents.map((a) => ({ ...a, updatedAt: at })))
		.onConflictDoNothing();
}
