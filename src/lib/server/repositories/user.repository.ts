/** Users: accounts with an argon2id password hash, a role and a scope (issue 5 §1–2). */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { users } from '../db/schema';

export type UserRow = typeof users.$inferSelect;
export type NewUser = Pick<
	typeof users.$inferInsert,
	'email' | 'name' | 'passwordHash' | 'role' | 'provinces' | 'issueTypes' | 'agentId'
>;

export async function insertUser(db: Db, user: NewUser): Promise<UserRow> {
	const [row] = await db.insert(users).values(user).returning();
	return row!;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
	const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1);
	return row ?? null;
}

export async function findUserById(db: Db, id: number): Promise<UserRow | null> {
	const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
	return row ?? null;
}

export async function listUsers(db: Db): Promise<UserRow[]> {
	return db.select().from(users).orderBy(asc(users.email));
}

export type UserChange = Partial<
	Pick<
		UserRow,
		'name' | 'role' | 'provinces' | 'issueTypes' | 'agentId' | 'active' | 'passwordHash'
	>
>;

/** Updates a user; returns the row before and after (for the audit entry), or null. */
export async function updateUser(
	db: Db,
	id: number,
	change: UserChange
): Promise<{ before: UserRow; after: UserRow } | null> {
	return db.transaction(async (tx) => {
		const [before] = await tx.select().from(users).where(eq(users.id, id)).for('update');
		if (!before) return null;
		const [after] = await tx
			.update(users)
			.set({ ...change, updatedAt: new Date() })
			.where(eq(users.id, id))
			.returning();
		return { before, after: after! };
	});
}
