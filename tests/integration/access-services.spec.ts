/**
 * The access services against a real database (PGlite): accounts and sign-in (rotation,
 * throttling, sign-out everywhere), API and display tokens (flipped bytes, revocation), and the
 * audit chain (verify passes; editing or deleting a stored entry is named by verify).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/lib/server/services/access/audit.service';
import { authenticate } from '../../src/lib/server/services/access/sessions.service';
import { signIn, signOutEverywhere } from '../../src/lib/server/services/access/sign-in.service';
import {
	createApiToken,
	createDisplayToken,
	exchangeDisplayToken,
	revokeDisplayToken
} from '../../src/lib/server/services/access/tokens.service';
import { createUser, updateUser } from '../../src/lib/server/services/access/users.service';
import { hasIndonesian } from '../../src/lib/i18n/problems';
import { startTestServer, type TestServer } from './harness';

let server: TestServer;
const cli = { principal: null, address: null, name: 'cli:test' };
const meta = (address = '10.0.0.1') => ({ address, userAgent: 'vitest' });
/** A refusal naming the field, which the admin pages can show in Bahasa Indonesia too. */
async function refused(call: Promise<unknown>, pattern: RegExp): Promise<void> {
	const error = await call.then(
		() => null,
		(e: unknown) => e as Error
	);
	expect(error?.message).toMatch(pattern);
	expect(hasIndonesian(error!.message), error!.message).toBe(true);
}
const flip = (s: string) => s.slice(0, -1) + (s.endsWith('A') ? 'B' : 'A');

beforeAll(async () => {
	server = await startTestServer('pglite');
	await createUser(
		server.container,
		{ email: 'Lead@Sigap.Test', password: 'correct horse 1', role: 'team_lead', provinces: '61' },
		cli
	);
});
afterAll(async () => {
	await server?.close();
});

describe('accounts and sign-in', () => {
	it('refuses bad input naming the field', async () => {
		const c = server.container;
		await refused(
			createUser(c, { email: 'x', password: 'short', role: 'boss' }, cli),
			/email: .*password: .*role: must be one of/s
		);
		await refused(
			createUser(c, { email: 'a@b.id', password: 'long enough 1', role: 'team_lead' }, cli),
			/needs provinces/
		);
		await refused(
			createUser(
				c,
				{ email: 'a@b.id', password: 'long enough 1', role: 'team_lead', provinces: '61,99' },
				cli
			),
			/unknown BPS code\(s\) 99/
		);
		await refused(
			createUser(c, { email: 'lead@sigap.test', password: 'long enough 1', role: 'admin' }, cli),
			/already exists/
		);
		// An agent link names a real agent (the new-user trial linked 9999 and it was kept).
		const linked = { password: 'long enough 1', role: 'agent', provinces: '61' };
		await refused(
			createUser(c, { ...linked, email: 'typo@b.id', agentId: '9999' }, cli),
			/agentId: no agent 9999/
		);
		const agent = await createUser(c, { ...linked, email: 'dewi@b.id', agentId: '1003' }, cli);
		expect(agent.agentId).toBe('1003');
		await refused(
			updateUser(
				c,
				{ id: agent.id, role: 'agent', provinces: '61', agentId: '9999', active: true },
				cli
			),
			/agentId: no agent 9999/
		);
	});

	it('signs in with a new session id each time and revokes the previous one', async () => {
		const c = server.container;
		const first = await signIn(
			c,
			{ email: 'lead@sigap.test', password: 'correct horse 1' },
			meta()
		);
		expect(first.ok).toBe(true);
		if (!first.ok) return;
		expect((await authenticate(c, { session: first.cookie })).principal).toMatchObject({
			role: 'team_lead',
			scope: { provinces: ['61'] }
		});
		const second = await signIn(
			c,
			{ email: 'lead@sigap.test', password: 'correct horse 1' },
			{ ...meta(), previous: first.cookie }
		);
		expect(second.ok && second.cookie !== first.cookie).toBe(true);
		expect((await authenticate(c, { session: first.cookie })).principal).toBeNull();
		expect((await authenticate(c, { session: first.cookie })).staleSession).toBe(true);
		if (second.ok)
			expect((await authenticate(c, { session: flip(second.cookie) })).principal).toBeNull();
		expect((await authenticate(c, { session: 'garbage' })).principal).toBeNull();
	});

	it('throttles an account after repeated failures, with a clear answer, and the right password then waits too', async () => {
		const c = server.container;
		await createUser(
			c,
			{ email: 'victim@sigap.test', password: 'victim password', role: 'agent', provinces: '11' },
			cli
		);
		for (let i = 0; i < 5; i++) {
			expect(
				await signIn(c, { email: 'victim@sigap.test', password: `wrong ${i}` }, meta(`10.1.0.${i}`))
			).toEqual({ ok: false, code: 'invalid_credentials' });
		}
		const blocked = await signIn(
			c,
			{ email: 'victim@sigap.test', password: 'victim password' },
			meta('10.2.0.1')
		);
		expect(blocked).toMatchObject({
			ok: false,
			code: 'throttled',
			by: 'account',
			retryMinutes: 15
		});
	});

	it('throttles an address spraying many accounts', async () => {
		const c = server.container;
		for (let i = 0; i < 20; i++)
			await signIn(c, { email: `nobody${i}@x.id`, password: 'whatever' }, meta('10.9.9.9'));
		expect(
			await signIn(c, { email: 'lead@sigap.test', password: 'correct horse 1' }, meta('10.9.9.9'))
		).toMatchObject({ code: 'throttled', by: 'address' });
	});

	it('sign out everywhere ends every session; a role change applies to the next request', async () => {
		const c = server.container;
		const a = await signIn(
			c,
			{ email: 'lead@sigap.test', password: 'correct horse 1' },
			meta('10.3.0.1')
		);
		const b = await signIn(
			c,
			{ email: 'lead@sigap.test', password: 'correct horse 1' },
			meta('10.3.0.2')
		);
		if (!a.ok || !b.ok) throw new Error('sign-in failed');
		await updateUser(
			c,
			{
				id: a.principal.kind === 'user' ? a.principal.userId : 0,
				role: 'supervisor',
				provinces: ['61', '62'],
				active: true
			},
			cli
		);
		expect((await authenticate(c, { session: b.cookie })).principal).toMatchObject({
			role: 'supervisor',
			scope: { provinces: ['61', '62'] }
		});
		await signOutEverywhere(c, Number(a.principal.kind === 'user' && a.principal.userId), cli);
		expect((await authenticate(c, { session: a.cookie })).principal).toBeNull();
		expect((await authenticate(c, { session: b.cookie })).principal).toBeNull();
	});
});

describe('API and display tokens', () => {
	it('an API token authenticates as its owner; a flipped byte does not', async () => {
		const c = server.container;
		const { token } = await createApiToken(
			c,
			{ user: 'lead@sigap.test', name: 'report script' },
			cli
		);
		expect((await authenticate(c, { bearer: token })).principal).toMatchObject({
			kind: 'user',
			via: 'token'
		});
		const flipped = await authenticate(c, { bearer: flip(token) });
		expect(flipped).toMatchObject({ principal: null, badToken: true });
	});

	it('a display token becomes a cookie for its wall, and stops when revoked', async () => {
		const c = server.container;
		const { id, token } = await createDisplayToken(c, { name: 'Kalbar wall', province: '61' }, cli);
		expect(await exchangeDisplayToken(c, flip(token), meta())).toEqual({
			ok: false,
			reason: 'unknown'
		});
		const opened = await exchangeDisplayToken(c, token, meta());
		if (!opened.ok) throw new Error('exchange failed');
		expect(opened.wall).toEqual({ province: '61', issueType: null });
		expect((await authenticate(c, { display: opened.cookie })).principal).toMatchObject({
			kind: 'display',
			wall: { province: '61' }
		});
		await revokeDisplayToken(c, id, cli);
		expect(await authenticate(c, { display: opened.cookie })).toMatchObject({
			principal: null,
			displayRevoked: true
		});
		expect(await exchangeDisplayToken(c, token, meta())).toEqual({ ok: false, reason: 'revoked' });
		await refused(createDisplayToken(c, { name: 'x', province: '99' }, cli), /province: "99"/);
	});
});

describe('audit chain', () => {
	it('verifies, then names the entry that was edited in the database', async () => {
		const c = server.container;
		const report = await verifyAudit(c.database.db);
		expect(report.ok).toBe(true);
		expect(report.count).toBeGreaterThan(20);
		const actions = await c.database.db.execute(sql`select action, outcome from audit_log`);
		const rows = ((actions as { rows?: unknown[] }).rows ?? actions) as {
			action: string;
			outcome: string;
		}[];
		expect(rows.some((r) => r.action === 'auth.sign_in' && r.outcome === 'failed')).toBe(true);
		expect(rows.some((r) => r.action === 'auth.sign_in' && r.outcome === 'denied')).toBe(true);
		expect(rows.some((r) => r.action === 'user.update')).toBe(true);

		// The database refuses edits (append-only triggers)...
		for (const edit of [
			sql`update audit_log set actor = 'someone else' where seq = 7`,
			sql`delete from audit_log where seq = 2`,
			sql`truncate audit_log`
		])
			await expect(c.database.db.execute(edit)).rejects.toThrow();
		expect(await verifyAudit(c.database.db)).toMatchObject({ ok: true });
		// ...and someone who can switch them off (the database owner) is caught by the chain.
		await c.database.db.execute(sql`alter table audit_log disable trigger user`);
		await c.database.db.execute(sql`update audit_log set actor = 'someone else' where seq = 7`);
		expect(await verifyAudit(c.database.db)).toMatchObject({ ok: false, brokenAt: 7 });
		await c.database.db.execute(sql`update audit_log set detail = '{"forged":true}' where seq = 3`);
		expect(await verifyAudit(c.database.db)).toMatchObject({ ok: false, brokenAt: 3 });
		await c.database.db.execute(sql`delete from audit_log where seq = 2`);
		expect(await verifyAudit(c.database.db)).toMatchObject({
			ok: false,
			brokenAt: 3,
			reason: expect.stringContaining('missing')
		});
	});
});
