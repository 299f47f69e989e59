/**
 * A call or chat turned into a case (issue 3 §1 "linked to that contact"), on PGlite and
 * PostgreSQL: channel, province and issue type come from the stored contact unless the body
 * gives them, the case links back (view and history), and bad input changes nothing: an
 * unknown contact is a 400 naming `sourceContactId`, a contact outside the caller's scope a
 * 403, and a contact already made into a case a 409 naming that case — also when two agents
 * send it at the same moment (one case, one refusal).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseCreate } from '../../src/lib/contracts/cases';
import { withPrincipal } from '../../src/lib/server/services/access/request-context';
import { createCase as createCaseService } from '../../src/lib/server/services/cases';
import { hasIndonesian } from '../../src/lib/i18n/problems';
import { aCaseBody, api } from './cases-client';
import { startTestServer, type DbKind, type TestServer } from './harness';

const ISO_WIB = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?\+07:00$/;
const iso = (t: number) => new Date(t).toISOString();

/** A case body that names only what a contact cannot tell: the reporter and the matter. */
const fromContact = (sourceContactId: string, more: Partial<CaseCreate> = {}): CaseCreate => ({
	reporterType: 'member',
	reporterContact: '+62 812-3456-7890',
	subject: 'Sertifikat lahan Kopdes',
	description: 'Penelepon menanyakan sertifikat lahan gerai.',
	sourceContactId,
	...more
});

describe.each<DbKind>(['pglite', 'postgres'])('cases from contacts on %s', (kind) => {
	let server: TestServer;
	const t0 = Date.now() - 20 * 60_000;
	beforeAll(async () => {
		server = await startTestServer(kind);
		const posted = await server.post([
			// An answered call in Kalimantan Barat on the land queue (no IVR issue type).
			{
				id: 'c1e',
				type: 'call.entered',
				callId: 'call-1',
				queue: 'kopdes-lahan',
				province: '61',
				at: iso(t0)
			},
			{
				id: 'c1c',
				type: 'call.connected',
				callId: 'call-1',
				queue: 'kopdes-lahan',
				agent: '1001',
				at: iso(t0 + 40_000)
			},
			{
				id: 'c1d',
				type: 'call.completed',
				callId: 'call-1',
				queue: 'kopdes-lahan',
				agent: '1001',
				talkSeconds: 200,
				by: 'caller',
				at: iso(t0 + 240_000)
			},
			// A chat session from Jawa Barat about savings-and-loan operations.
			{
				id: 's1',
				type: 'chat.started',
				sessionId: 'chat-1',
				bot: false,
				province: '32',
				issueType: 'usp_operasional',
				at: iso(t0 + 60_000)
			},
			// A call on a queue nobody configured, the caller chose nothing: no issue type known.
			{
				id: 'c2e',
				type: 'call.entered',
				callId: 'call-2',
				queue: 'antrian-baru',
				at: iso(t0 + 90_000)
			},
			{
				id: 'c2a',
				type: 'call.abandoned',
				callId: 'call-2',
				queue: 'antrian-baru',
				at: iso(t0 + 120_000)
			},
			// Two more calls for the duplicate rules.
			{
				id: 'c3e',
				type: 'call.entered',
				callId: 'call-3',
				queue: 'informasi',
				province: '61',
				at: iso(t0)
			},
			{
				id: 'c4e',
				type: 'call.entered',
				callId: 'call-4',
				queue: 'informasi',
				province: '61',
				at: iso(t0)
			}
		]);
		expect(posted.body.rejected ?? 0).toBe(0);
	});
	afterAll(async () => {
		await server?.close();
	});
	const call = (method: string, path: string, body?: unknown) =>
		api(server.url, method, path, body);
	const caseCount = async () =>
		(await call('GET', '/api/v1/cases?status=all&limit=1000')).body.total as number;

	it('a call becomes a case with its channel, province and queue issue type, linked back', async () => {
		const r = await call('POST', '/api/v1/cases', fromContact('call-1'));
		expect(r.status).toBe(201);
		expect(r.body).toMatchObject({
			channel: 'call',
			provinceCode: '61',
			issueType: 'kopdes_lahan',
			sourceContactId: 'call-1',
			sourceContact: { channel: 'call', id: 'call-1', queues: ['kopdes-lahan'], province: '61' }
		});
		expect(r.body.sourceContact.startedAt).toMatch(ISO_WIB);
		expect(Date.parse(r.body.sourceContact.startedAt)).toBe(t0);
		const view = (await call('GET', `/api/v1/cases/${r.body.id}`)).body;
		expect(view.sourceContact).toEqual(r.body.sourceContact);
		expect(view.history[0]).toMatchObject({
			kind: 'created',
			payload: { origin: 'contact', via: 'api', sourceContact: { channel: 'call', id: 'call-1' } }
		});
		expect(JSON.stringify(view.sourceContact)).not.toContain('3456');
	});

	it('a chat session: the body may name the area, the channel must be the contact’s', async () => {
		const wrong = await call('POST', '/api/v1/cases', fromContact('chat-1', { channel: 'call' }));
		expect(wrong).toMatchObject({ status: 400, body: { error: { field: 'channel' } } });
		expect(hasIndonesian(wrong.body.error.message), wrong.body.error.message).toBe(true);
		const r = await call('POST', '/api/v1/cases', fromContact('chat-1', { provinceCode: '33' }));
		expect(r.status).toBe(201);
		expect(r.body).toMatchObject({
			channel: 'chat',
			provinceCode: '33',
			issueType: 'usp_operasional'
		});
	});

	it('bad input changes nothing: unknown contact, unknown issue type, missing channel', async () => {
		const before = await caseCount();
		const unknown = await call('POST', '/api/v1/cases', fromContact('call-nope'));
		expect(unknown).toMatchObject({
			status: 400,
			body: { error: { code: 'invalid_payload', field: 'sourceContactId' } }
		});
		expect(unknown.body.error.message).toContain('call-nope');
		const noIssue = await call('POST', '/api/v1/cases', fromContact('call-2'));
		expect(noIssue).toMatchObject({ status: 400, body: { error: { field: 'issueType' } } });
		const given = await call(
			'POST',
			'/api/v1/cases',
			fromContact('call-2', { issueType: 'lainnya' })
		);
		expect(given.body).toMatchObject({
			channel: 'call',
			provinceCode: 'unknown',
			issueType: 'lainnya'
		});
		const { sourceContactId: _, ...letter } = fromContact('x');
		const noChannel = await call('POST', '/api/v1/cases', { ...letter, issueType: 'lainnya' });
		expect(noChannel).toMatchObject({ status: 400, body: { error: { field: 'channel' } } });
		for (const r of [unknown, noIssue, noChannel])
			expect(hasIndonesian(r.body.error.message), r.body.error.message).toBe(true);
		expect(await caseCount()).toBe(before + 1);
	});

	it('an agent’s new case is their own: assigned to them, another assignee refused', async () => {
		const agent = await server.signIn('agent', { provinces: ['61'], agentId: '1002' });
		const mine = aCaseBody({ provinceCode: '61', villageCode: undefined });
		const created = await withPrincipal(agent.principal, () =>
			createCaseService(server.container, mine)
		);
		expect(created).toMatchObject({ assignee: { id: '1002' }, status: 'assigned' });
		const before = await caseCount();
		const other = await withPrincipal(agent.principal, () =>
			createCaseService(server.container, { ...mine, assigneeId: '1004' })
		).catch((e: Error) => e);
		expect(other).toMatchObject({ code: 'invalid_payload', field: 'assigneeId' });
		expect(hasIndonesian((other as Error).message), (other as Error).message).toBe(true);
		const unlinked = await server.signIn('agent', { provinces: ['61'] });
		const refused = await withPrincipal(unlinked.principal, () =>
			createCaseService(server.container, mine)
		).catch((e: Error) => e);
		expect(refused).toMatchObject({ code: 'forbidden' });
		expect(hasIndonesian((refused as Error).message), (refused as Error).message).toBe(true);
		expect(await caseCount()).toBe(before);
	});

	it('a contact outside the caller’s scope is refused (403) and nothing is created', async () => {
		const lead = await server.signIn('team_lead', { provinces: ['32'] });
		const before = await caseCount();
		const refused = await withPrincipal(lead.principal, () =>
			createCaseService(server.container, fromContact('call-3', { provinceCode: '32' }))
		).catch((e: unknown) => e);
		expect(refused).toMatchObject({ code: 'forbidden', field: 'sourceContactId' });
		expect(hasIndonesian((refused as Error).message), (refused as Error).message).toBe(true);
		expect(await caseCount()).toBe(before);
	});

	it('one contact, one case: a second is 409 naming the first, also once it is closed', async () => {
		const first = await call('POST', '/api/v1/cases', fromContact('call-3'));
		expect(first.status).toBe(201);
		const again = await call('POST', '/api/v1/cases', fromContact('call-3'));
		expect(again).toMatchObject({
			status: 409,
			body: { error: { code: 'conflict', field: 'sourceContactId' } }
		});
		expect(again.body.error.message).toContain(first.body.number);
		expect(hasIndonesian(again.body.error.message), again.body.error.message).toBe(true);
		const closed = await call('POST', `/api/v1/cases/${first.body.id}/status`, {
			status: 'closed'
		});
		expect(closed.status).toBe(200);
		const afterClose = await call('POST', '/api/v1/cases', fromContact('call-3'));
		expect(afterClose.status).toBe(409);
	});

	it('two agents turning one call into a case at once: one case, one 409', async () => {
		const before = await caseCount();
		const answers = await Promise.all([
			call('POST', '/api/v1/cases', fromContact('call-4')),
			call('POST', '/api/v1/cases', fromContact('call-4'))
		]);
		expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
		expect(await caseCount()).toBe(before + 1);
	});
});
