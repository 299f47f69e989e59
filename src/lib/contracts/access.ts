/**
 * The access wire contract (issue 5): inputs of the user, token and sign-in forms and CLI,
 * validated at the edge with messages that name the field, and the views the admin pages show.
 */
import { z } from 'zod';
import { DISPLAY_LAYOUTS, ROLES, type Role } from '../domain/access/principal';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PROVINCE = /^\d{2}$/;
const ISSUE_TYPE = /^[a-z0-9_]{1,40}$/;

/** Lists arrive as arrays (API) or comma-separated text (CLI `--provinces 61,62`, forms). */
const codeList = (pattern: RegExp, what: string) =>
	z
		.union([z.string(), z.array(z.string())])
		.optional()
		.transform((v) =>
			(Array.isArray(v) ? v : (v ?? '').split(',')).map((s) => s.trim()).filter((s) => s.length > 0)
		)
		.pipe(z.array(z.string().regex(pattern, `each must be ${what}`)).max(100))
		.transform((list) => [...new Set(list)].sort());

export const emailSchema = z
	.string({ error: 'email is required' })
	.trim()
	.toLowerCase()
	.max(200, 'email is too long')
	.regex(EMAIL, 'must be an e-mail address such as nama@kemenkop.go.id');

export const passwordSchema = z
	.string({ error: 'password is required' })
	.min(10, 'must be at least 10 characters')
	.max(200, 'must be at most 200 characters');

export const roleSchema = z.enum(ROLES, {
	error: `must be one of: ${ROLES.join(', ')}`
});

const scopeFields = {
	provinces: codeList(PROVINCE, 'a two-digit BPS province code such as 61'),
	issueTypes: codeList(ISSUE_TYPE, 'an issue-type code such as kopdes_lahan'),
	agentId: z
		.string()
		.trim()
		.max(100)
		.optional()
		.transform((v) => (v ? v : null))
};

/** `sigap user create` and the /admin/users form. */
export const userCreateSchema = z
	.object({
		email: emailSchema,
		name: z.string().trim().max(200).optional(),
		password: passwordSchema,
		role: roleSchema,
		...scopeFields
	})
	.strict();
export type UserCreate = z.input<typeof userCreateSchema>;

/** Role, scope and state changes (/admin/users). */
export const userUpdateSchema = z
	.object({
		id: z.coerce.number({ error: 'id must be a number' }).int().positive('id must be a user id'),
		role: roleSchema,
		active: z
			.union([z.boolean(), z.enum(['true', 'false', 'on'])])
			.optional()
			.transform((v) => v === true || v === 'true' || v === 'on'),
		...scopeFields
	})
	.strict();
export type UserUpdate = z.input<typeof userUpdateSchema>;

export const signInSchema = z.object({
	email: emailSchema,
	password: z.string({ error: 'password is required' }).min(1, 'password is required').max(200)
});

const tokenName = z
	.string({ error: 'name is required' })
	.trim()
	.min(1, 'name is required')
	.max(100, 'name must be at most 100 characters');

/** `sigap token create --user EMAIL --name NAME` and /admin/keys. */
export const apiTokenCreateSchema = z.object({ user: emailSchema, name: tokenName }).strict();

/** A wall display token: a name, a layout and the wall it shows (/admin/keys). */
export const displayTokenCreateSchema = z
	.object({
		name: tokenName,
		layout: z.enum(DISPLAY_LAYOUTS).default('wall'),
		province: z
			.string()
			.trim()
			.optional()
			.transform((v) => (v ? v : null))
			.pipe(z.string().regex(PROVINCE, 'must be a two-digit BPS province code').nullable()),
		issueType: z
			.string()
			.trim()
			.optional()
			.transform((v) => (v ? v : null))
			.pipe(z.string().regex(ISSUE_TYPE, 'must be an issue-type code').nullable())
	})
	.strict();

export interface UserView {
	id: number;
	email: string;
	name: string;
	role: Role;
	provinces: string[];
	issueTypes: string[];
	agentId: string | null;
	active: boolean;
	createdAt: string;
}

export interface AuditView {
	seq: number;
	at: string;
	actor: string;
	action: string;
	target: string | null;
	outcome: string;
	address: string | null;
	detail: unknown;
}

/** Turns zod issues into one message naming each field: `email: must be an e-mail…`. */
export function issuesMessage(issues: readonly { path: PropertyKey[]; message: string }[]): string {
	return issues.map((i) => `${i.path.map(String).join('.') || 'input'}: ${i.message}`).join('; ');
}
