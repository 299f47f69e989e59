/**
 * Accounts for integration tests (issue 5): `signIn(role, scope)` creates a user and signs it
 * in through the real service, returning the `Cookie` header a browser would send; the harness
 * signs every server's default clients in as a national administrator.
 */
import type { Role } from '../../src/lib/domain/access/principal';
import type { Principal } from '../../src/lib/domain/access/principal';
import type { Container } from '../../src/lib/server/container';
import { SESSION_COOKIE } from '../../src/lib/server/services/access/sessions.service';
import { signIn } from '../../src/lib/server/services/access/sign-in.service';
import { createUser } from '../../src/lib/server/services/access/users.service';

export const TEST_PASSWORD = 'harness password 1';

export interface TestScope {
	provinces?: string[];
	issueTypes?: string[];
	agentId?: string;
}

export interface SignedIn {
	/** `sigap_session=…`, ready for a `Cookie` header or socket.io-client `extraHeaders`. */
	cookie: string;
	/** The bare cookie value. */
	session: string;
	principal: Principal;
	email: string;
}

export function accessFixture(c: Container) {
	let n = 0;
	return async (role: Role, scope: TestScope = {}): Promise<SignedIn> => {
		const email = `${role.replace('_', '-')}-${++n}@harness.test`;
		const actor = { principal: null, address: null, name: 'harness' };
		await createUser(c, { email, password: TEST_PASSWORD, role, ...scope }, actor);
		const result = await signIn(
			c,
			{ email, password: TEST_PASSWORD },
			{ address: '127.0.0.1', userAgent: 'harness' }
		);
		if (!result.ok) throw new Error(`harness: cannot sign in ${email}: ${result.code}`);
		return {
			cookie: `${SESSION_COOKIE}=${result.cookie}`,
			session: result.cookie,
			principal: result.principal,
			email
		};
	};
}
