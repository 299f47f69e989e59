/**
 * Issue 5 §7: personal data stays out of the audit log. Creating a case through the API (JSON)
 * and through the case form (form data) goes through the real request gate on PGlite; the
 * audit_log rows, read straight from the table, carry neither the reporter's name nor phone.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/lib/server/db/schema';
import { accessHandle } from '../../src/lib/server/http/access-handle';
import { placeCase } from '../../src/lib/server/services/access/case-scope';
import { SESSION_COOKIE } from '../../src/lib/server/services/access/sessions.service';
import { signIn } from '../../src/lib/server/services/access/sign-in.service';
import { createUser } from '../../src/lib/server/services/access/users.service';
import { createCase } from '../../src/lib/server/services/cases';
import { aCaseBody } from './cases-client';
import { startTestServer, type TestServer } from './harness';
import { gateEvent } from './gate-event';

const ORIGIN = 'http://sigap.test';
const NAME = 'Rahmat Hidayat';
const PHONE = '+6281234567890';
let server: TestServer;
let handle: ReturnType<typeof accessHandle>;
let cookie = '';

async function post(routeId: string, path: string, body: string, type: string) {
	const url = new URL(path, ORIGIN);
	const request = new Request(url, {
		method: 'POST',
		headers: { 'content-type': type, origin: ORIGIN },
		body
	});
	const event = gateEvent(request, routeId, { cookies: { [SESSION_COOKIE]: cookie } });
	return handle({
		event,
		resolve: async (e) => {
			const c = server.container;
			const fields =
				type === 'application/json'
					? await e.request.json()
					: Object.fromEntries(await e.request.formData());
			const view = await createCase(c, aCaseBody(fields), 'api');
			return new Response(JSON.stringify(view), { status: 201 });
		}
	});
}

beforeAll(async () => {
	server = await startTestServer('pglite');
	const c = server.container;
	handle = accessHandle(async () =>
		Object.assign({}, c, { placeCase: (id: string) => placeCase(c, id) })
	);
	const cli = { principal: null, address: null, name: 'cli:test' };
	await createUser(
		c,
		{ email: 'admin@audit.test', password: 'audit password 1', role: 'admin', provinces: '' },
		cli
	);
	const s = await signIn(
		c,
		{ email: 'admin@audit.test', password: 'audit password 1' },
		{ address: '127.0.0.1', userAgent: null }
	);
	if (!s.ok) throw new Error('sign-in failed');
	cookie = s.cookie;
});
afterAll(async () => {
	await server?.close();
});

async function caseCreateRows() {
	return server.container.database.db
		.select()
		.from(auditLog)
		.where(eq(auditLog.action, 'case.create'));
}

describe('case.create audit entries hold no personal data', () => {
	it('through the API (JSON) and the case form (form data)', async () => {
		const json = JSON.stringify(aCaseBody({ reporterName: NAME, reporterContact: PHONE }));
		const api = await post('/api/v1/cases', '/api/v1/cases', json, 'application/json');
		expect(api.status).toBe(201);
		const form = new URLSearchParams({
			...(aCaseBody({ reporterName: NAME, reporterContact: '0812-9876-5432' }) as Record<
				string,
				string
			>)
		});
		const page = await post(
			'/cases/new',
			'/cases/new',
			String(form),
			'application/x-www-form-urlencoded'
		);
		expect(page.status).toBe(201);

		const rows = await caseCreateRows();
		expect(rows).toHaveLength(2);
		for (const row of rows) {
			const text = JSON.stringify(row);
			expect(text).not.toContain('Rahmat');
			expect(text).not.toContain('81234567890');
			expect(text).not.toContain('9876');
			expect(text).not.toContain('Lahan untuk gerai'); // the case's free text
			// What an auditor needs stays: the route, which fields were sent, the masked contact.
			const body = (row.detail as { body: Record<string, unknown> }).body;
			expect(body).toMatchObject({ reporterName: '[redacted]', issueType: 'kopdes_lahan' });
			expect(String(body.reporterContact)).toMatch(/\*{4}/);
		}
	});
});
