/** Principals built from stored rows (domain/access/principal.ts); bad rows give none. */
import {
	DISPLAY_LAYOUTS,
	ROLES,
	type DisplayLayout,
	type DisplayPrincipal,
	type Role,
	type UserPrincipal
} from '../../../domain/access/principal';
import type { DisplayTokenRow } from '../../repositories/credential.repository';
import type { UserRow } from '../../repositories/user.repository';

export function userPrincipal(
	user: UserRow,
	via: UserPrincipal['via'],
	credentialId: string
): UserPrincipal | null {
	if (!user.active || !(ROLES as readonly string[]).includes(user.role)) return null;
	return {
		kind: 'user',
		userId: String(user.id),
		email: user.email,
		role: user.role as Role,
		scope: { provinces: user.provinces, issueTypes: user.issueTypes },
		agentId: user.agentId,
		via,
		credentialId
	};
}

export function displayPrincipal(
	token: DisplayTokenRow,
	credentialId: string
): DisplayPrincipal | null {
	if (token.revokedAt || !(DISPLAY_LAYOUTS as readonly string[]).includes(token.layout))
		return null;
	return {
		kind: 'display',
		tokenId: String(token.id),
		name: token.name,
		layout: token.layout as DisplayLayout,
		wall: { province: token.province, issueType: token.issueType },
		credentialId
	};
}
