/**
 * Who is asking (issue 5 §2): a signed-in user (through a session cookie or a personal API
 * token) or a wall display token. Roles and scopes are data; every decision about them is
 * made by the pure functions of this folder, so pages, API routes and sockets decide alike.
 */

export const ROLES = ['admin', 'leadership', 'supervisor', 'team_lead', 'agent'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Roles whose empty scope means "national" (issue 5 §2: "an empty scope means national only
 * where the role allows it"). A team lead or agent with an empty scope covers nothing.
 */
export const NATIONAL_ROLES: readonly Role[] = ['admin', 'leadership', 'supervisor'];

/** Provinces (two-digit BPS codes) and issue types; an empty list means "all of them". */
export interface Scope {
	provinces: readonly string[];
	issueTypes: readonly string[];
}

export const NATIONAL: Scope = { provinces: [], issueTypes: [] };

/** The layouts a wall display token can show (one today: the wall). */
export const DISPLAY_LAYOUTS = ['wall'] as const;
export type DisplayLayout = (typeof DISPLAY_LAYOUTS)[number];

/** A wall's own scope: one province (or national) and one issue type (or all). */
export interface WallTarget {
	province: string | null;
	issueType: string | null;
}

export interface UserPrincipal {
	kind: 'user';
	userId: string;
	email: string;
	role: Role;
	scope: Scope;
	/** The agent record this user works as (agents' "own cases"), if any. */
	agentId: string | null;
	/** How the request authenticated: a browser session or a personal API token (read APIs). */
	via: 'session' | 'token';
	credentialId: string;
}

export interface DisplayPrincipal {
	kind: 'display';
	tokenId: string;
	name: string;
	layout: DisplayLayout;
	wall: WallTarget;
	credentialId: string;
}

export type Principal = UserPrincipal | DisplayPrincipal;

/** A short, log-friendly name: `user:7 (a@b.id)`, `display:3 (Kalbar wall)`. */
export function describePrincipal(p: Principal | null): string {
	if (!p) return 'anonymous';
	return p.kind === 'user' ? `user:${p.userId} (${p.email})` : `display:${p.tokenId} (${p.name})`;
}
