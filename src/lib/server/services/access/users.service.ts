/**
 * Users, roles and scopes (issue 5 §1–2): created by `sigap user create` or /admin/users,
 * changed by administrators. Every change is audited and published, so open sockets of the
 * user are re-scoped or closed at once.
 */
import { NATIONAL_ROLES } from '../../../domain/access/principal';
import {
	issuesMessage,
	userCreateSchema,
	userUpdateSchema,
	type UserView
} from '../../../contracts/access';
import type { Db } from '../../db';
import { agentExists } from '../../repositories/directory.repository';
import type { AccessDeps } from './deps';
import {
	findUserByEmail,
	insertUser,
	listUsers as listUserRows,
	updateUser as updateUserRow,
	type UserRow
} from '../../repositories/user.repository';
import { audit, type Actor } from './audit.service';
import { AccessError } from './errors';
import { hashPassword } from './passwords';

export function userView(u: UserRow): UserView {
	return {
		id: u.id,
		email: u.email,
		name: u.name,
		role: u.role as UserView['role'],
		provinces: u.provinces,
		issueTypes: u.issueTypes,
		agentId: u.agentId,
		active: u.active,
		createdAt: u.createdAt.toISOString()
	};
}

/** Codes the reference data does not know are refused, naming them. */
/** A user works as an existing agent or none: a typo (`9999`) would link them to nobody. */
async function checkAgent(db: Db, agentId: string | null | undefined): Promise<void> {
	if (agentId && !(await agentExists(db, agentId)))
		throw new AccessError('invalid_payload', `agentId: no agent ${agentId} (see /admin/teams)`);
}

function checkScope(c: AccessDeps, role: string, provinces: string[], issueTypes: string[]) {
	const knownP = new Set(c.reference.provinces.map((p) => p.code));
	const knownT = new Set(c.reference.issueTypes.map((t) => t.code));
	const badP = provinces.filter((p) => !knownP.has(p));
	const badT = issueTypes.filter((t) => !knownT.has(t));
	if (badP.length)
		throw new AccessError('invalid_payload', `provinces: unknown BPS code(s) ${badP.join(', ')}`);
	if (badT.length)
		throw new AccessError(
			'invalid_payload',
			`issueTypes: unknown issue type(s) ${badT.join(', ')}`
		);
	const national = (NATIONAL_ROLES as readonly string[]).includes(role);
	if (!national && provinces.length === 0 && issueTypes.length === 0) {
		throw new AccessError(
			'invalid_payload',
			`provinces: a ${role} needs provinces or issue types (only ${NATIONAL_ROLES.join(', ')} may be national)`
		);
	}
}

export async function createUser(c: AccessDeps, input: unknown, actor: Actor): Promise<UserView> {
	const parsed = userCreateSchema.safeParse(input);
	if (!parsed.success) throw new AccessError('invalid_payload', issuesMessage(parsed.error.issues));
	const u = parsed.data;
	checkScope(c, u.role, u.provinces, u.issueTypes);
	const db = c.database.db;
	await checkAgent(db, u.agentId);
	if (await findUserByEmail(db, u.email)) {
		throw new AccessError('conflict', `email: a user ${u.email} already exists`);
	}
	const row = await insertUser(db, {
		email: u.email,
		name: u.name ?? u.email,
		passwordHash: await hashPassword(u.password),
		role: u.role,
		provinces: u.provinces,
		issueTypes: u.issueTypes,
		agentId: u.agentId
	});
	const view = userView(row);
	await audit(
		db,
		actor,
		{ action: 'user.create', target: `user:${row.id}`, detail: scopeOf(view) },
		c.clock.now()
	);
	return view;
}

const scopeOf = (u: UserView) => ({
	email: u.email,
	role: u.role,
	provinces: u.provinces,
	issueTypes: u.issueTypes,
	agentId: u.agentId,
	active: u.active
});

/** Role, scope, agent link and active flag; the user's open sockets follow within a second. */
export async function updateUser(c: AccessDeps, input: unknown, actor: Actor): Promise<UserView> {
	const parsed = userUpdateSchema.safeParse(input);
	if (!parsed.success) throw new AccessError('invalid_payload', issuesMessage(parsed.error.issues));
	const u = parsed.data;
	checkScope(c, u.role, u.provinces, u.issueTypes);
	const db = c.database.db;
	await checkAgent(db, u.agentId);
	const changed = await updateUserRow(db, u.id, {
		role: u.role,
		provinces: u.provinces,
		issueTypes: u.issueTypes,
		agentId: u.agentId,
		active: u.active
	});
	if (!changed) throw new AccessError('not_found', `id: no user ${u.id}`);
	c.bus.publish('access:changed', { userId: String(u.id) });
	const before = scopeOf(userView(changed.before));
	const after = scopeOf(userView(changed.after));
	await audit(
		db,
		actor,
		{ action: 'user.update', target: `user:${u.id}`, detail: { before, after } },
		c.clock.now()
	);
	return userView(changed.after);
}

export async function setPassword(c: AccessDeps, email: string, password: string, actor: Actor) {
	const db = c.database.db;
	const user = await findUserByEmail(db, email.trim().toLowerCase());
	if (!user) throw new AccessError('not_found', `email: no user ${email}`);
	await updateUserRow(db, user.id, { passwordHash: await hashPassword(password) });
	await audit(db, actor, { action: 'user.password', target: `user:${user.id}` }, c.clock.now());
}

export async function listUsers(c: AccessDeps): Promise<UserView[]> {
	return (await listUserRows(c.database.db)).map(userView);
}
