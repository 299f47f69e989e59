/** Principals for the access specs (test-only helpers, pure). */
import type { DisplayPrincipal, Role, Scope, UserPrincipal } from './principal';

export function aUser(
	role: Role,
	scope: Partial<Scope> = {},
	extra: Partial<UserPrincipal> = {}
): UserPrincipal {
	return {
		kind: 'user',
		userId: '1',
		email: `${role}@sigap.test`,
		role,
		scope: { provinces: scope.provinces ?? [], issueTypes: scope.issueTypes ?? [] },
		agentId: null,
		via: 'session',
		credentialId: 's1',
		...extra
	};
}

export function aDisplay(
	province: string | null,
	issueType: string | null = null
): DisplayPrincipal {
	return {
		kind: 'display',
		tokenId: '9',
		name: 'Kalbar wall',
		layout: 'wall',
		wall: { province, issueType },
		credentialId: 'd9'
	};
}
