/**
 * The cases API on PGlite (issue 3): a case's view (masked contact, derived area, SLA instants
 * with the WIB offset), status changes with the pause and reopen, first response, the work
 * queue's filters and counts, bulk results, and every bad input of the issue: a clear error
 * naming the field, and nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, aCaseBody, createCase } from './cases-client';
import { startTestServer, type TestServer } from './harness';
import { hasIndonesian } from '../../src/lib/i18n/problems';

const ISO_WIB = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?\+07:00$/;

describe('cases API', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer('pglite');
	});
	afterAll(async () => {
		await server?.close();
	});
	const call = (method: string, path: string, body?: unknown) =>
		api(server.url, method, path, body);

	it('creates a case: number, masked contact, area from the village, SLA instants in WIB', async () => {
		const kase = await createCase(server.url);
		expect(kase.number).toMatch(/^K-\d{4}-\d{6}$/);
		expect(kase).toMatchObject({
			status: 'new',
			version: 1,
			reporterContact: '+62 812-****-7890',
			villageCode: '61.01.01.2001',
			regencyCode: '61.01',
			provinceCode: '61',
			team: { id: 'nasional', name: 'Tim Layanan Nasional' },
			sla: { policyId: 'default@1' }
		});
		for (const t of [kase.sla.firstResponse, kase.sla.resolution]) {
			expect(t.dueAt).toMatch(ISO_WIB);
			expect(t.atRiskAt).toMatch(ISO_WIB);
		}
		expect(kase.history).toMatchObject([{ kind: 'created', actor: 'anonymous', to: 'new' }]);
		const byNumber = await call('GET', `/api/v1/cases/${kase.number}`);
		expect(byNumber.body.id).toBe(kase.id);
		expect(JSON.stringify(byNumber.body)).not.toContain('3456-7890');
	});

	it('a letter starts its clocks when it was received', async () => {
		const kase = await createCase(server.url, { receivedAt: '2026-03-06T16:00:00+07:00' });
		expect(kase.milestones.receivedAt).toBe('2026-03-06T16:00:00+07:00');
		// Default policy: 540 business minutes on the standard calendar (sla.md row 1 style).
		expect(kase.sla.firstResponse.dueAt).toBe('2026-03-09T16:00:00+07:00');
		expect(kase.sla.firstResponse.state).toBe('breached');
	});

	it('status: waiting pauses the resolution clock, reopen continues it; each change is history', async () => {
		const kase = await createCase(server.url, { assigneeId: '1002' });
		expect(kase.status).toBe('assigned');
		const steps = [
			['waiting_on_reporter', 'menunggu dokumen'],
			['in_progress', undefined],
			['resolved', 'selesai'],
			['in_progress', 'pelapor menjawab lagi']
		] as const;
		let version = kase.version;
		for (const [status, reason] of steps) {
			const r = await call('POST', `/api/v1/cases/${kase.id}/status`, {
				status,
				reason,
				actor: 'sari'
			});
			expect(r).toMatchObject({ status: 200, body: { version: version + 1 } });
			version += 1;
		}
		const view = (await call('GET', `/api/v1/cases/${kase.id}`)).body;
		expect(
			view.history
				.filter((h: { kind: string }) => h.kind === 'status')
				.map((h: { to: string }) => h.to)
		).toEqual(['waiting_on_reporter', 'in_progress', 'resolved', 'in_progress']);
		expect(view.milestones.resolvedAt).toBeNull();
		expect(view.status).toBe('in_progress');
	});

	it('first response by a person meets the first-response target once', async () => {
		const kase = await createCase(server.url);
		const r = await call('POST', `/api/v1/cases/${kase.id}/responses`, {
			agentId: '1002',
			message: 'Kami cek.'
		});
		expect(r.status).toBe(200);
		await call('POST', `/api/v1/cases/${kase.id}/responses`, { agentId: '1003' });
		const view = (await call('GET', `/api/v1/cases/${kase.id}`)).body;
		expect(view.sla.firstResponse.state).toBe('met');
		expect(view.milestones.firstResponseAt).toMatch(ISO_WIB);
		expect(view.history.filter((h: { kind: string }) => h.kind === 'responded')).toHaveLength(2);
	});

	it('work queue: filters, counts over the other filters, breached first', async () => {
		await createCase(server.url, {
			villageCode: undefined,
			provinceCode: '32',
			issueType: 'desa_teknis'
		});
		const list = (await call('GET', '/api/v1/cases?province=61')).body;
		expect(list.rows.every((r: { provinceCode: string }) => r.provinceCode === '61')).toBe(true);
		expect(list.total).toBe(list.rows.length);
		expect(list.counts.province['32']).toBeGreaterThanOrEqual(1);
		expect(list.counts.issueType.desa_teknis ?? 0).toBe(0);
		const left = list.rows.map(
			(r: { timeLeftSeconds: number | null }) => r.timeLeftSeconds ?? Infinity
		);
		expect(left).toEqual([...left].sort((a, b) => a - b));
		expect(list.rows[0].state).toBe('breached');
		const unassigned = (await call('GET', '/api/v1/cases?assignee=none')).body;
		expect(unassigned.rows.every((r: { assignee: unknown }) => r.assignee === null)).toBe(true);
	});

	it('bulk reassignment reports per case: ok, conflict, not found, invalid', async () => {
		const [a, b, closed] = [
			await createCase(server.url),
			await createCase(server.url),
			await createCase(server.url)
		];
		await call('POST', `/api/v1/cases/${closed.id}/status`, { status: 'closed' });
		await call('POST', `/api/v1/cases/${b.id}/reassign`, {
			teamId: 'nasional',
			assigneeId: '1004',
			reason: 'x',
			expectedVersion: b.version
		});
		const r = await call('POST', '/api/v1/cases/reassign', {
			assigneeId: '1003',
			reason: 'rotasi',
			actor: 'sari',
			items: [
				{ caseId: a.id, expectedVersion: a.version },
				{ caseId: b.id, expectedVersion: b.version },
				{ caseId: 'K-1999-000001', expectedVersion: 1 },
				{ caseId: closed.id, expectedVersion: closed.version + 1 }
			]
		});
		expect(r.status).toBe(200);
		expect(r.body.results.map((x: { result: string }) => x.result)).toEqual([
			'ok',
			'conflict',
			'not_found',
			'invalid'
		]);
		expect(r.body.results[1].message).toMatch(/already reassigned by anonymous to Agus Pratama/);
		// The work queue shows each refusal in Bahasa Indonesia (i18n/problems).
		for (const x of r.body.results.slice(1)) expect(hasIndonesian(x.message), x.message).toBe(true);
	});

	describe('bad input: a clear error naming the field, nothing changed', () => {
		it.each([
			['unknown province', { villageCode: undefined, provinceCode: '99' }, 'provinceCode'],
			['unknown issue type', { issueType: 'pajak' }, 'issueType'],
			['unknown village', { villageCode: '61.01.01.9999' }, 'villageCode'],
			['village outside the province', { provinceCode: '32' }, 'provinceCode'],
			['received in the future', { receivedAt: '2999-01-01T00:00:00+07:00' }, 'receivedAt'],
			['not an instant', { receivedAt: '2026-03-06 16:00' }, 'receivedAt'],
			['contact that is neither phone nor e-mail', { reporterContact: 'besok' }, 'reporterContact'],
			['unknown priority', { priority: 'asap' as never }, 'priority'],
			['inactive assignee', { assigneeId: 'inactive-agent' }, 'assigneeId'],
			['unknown team', { teamId: 'nope' }, 'teamId']
		])('create: %s', async (_, patch, field) => {
			await call('PUT', '/api/v1/agents/inactive-agent', {
				name: 'Cuti',
				teamIds: ['nasional'],
				active: false
			});
			const before = (await call('GET', '/api/v1/cases?status=all')).body.total;
			const r = await call('POST', '/api/v1/cases', aCaseBody(patch));
			expect(r.status).toBe(400);
			expect(r.body.error).toMatchObject({ code: 'invalid_payload', field });
			expect(r.body.error.message).toContain(field);
			expect(hasIndonesian(r.body.error.message), r.body.error.message).toBe(true);
			expect((await call('GET', '/api/v1/cases?status=all')).body.total).toBe(before);
		});

		it.each([
			['reason missing', { assigneeId: '1002' }, 'reason'],
			['reason empty', { assigneeId: '1002', reason: '  ' }, 'reason'],
			['inactive agent', { assigneeId: 'inactive-agent', reason: 'x' }, 'assigneeId'],
			['no target', { reason: 'x' }, 'assigneeId'],
			['version missing', { assigneeId: '1002', reason: 'x', noVersion: true }, 'expectedVersion']
		])('reassign: %s', async (_, patch, field) => {
			const kase = await createCase(server.url);
			const { noVersion, ...body } = patch as Record<string, unknown>;
			const r = await call('POST', `/api/v1/cases/${kase.id}/reassign`, {
				...body,
				...(noVersion ? {} : { expectedVersion: kase.version })
			});
			expect(r.status).toBe(400);
			expect(r.body.error.field).toBe(field);
			expect(hasIndonesian(r.body.error.message), r.body.error.message).toBe(true);
			const after = (await call('GET', `/api/v1/cases/${kase.id}`)).body;
			expect([after.version, after.assignee, after.history.length]).toEqual([
				kase.version,
				null,
				1
			]);
		});

		it('a body that is not JSON', async () => {
			const r = await call('POST', '/api/v1/cases', '{oops');
			expect(r).toMatchObject({ status: 400, body: { error: { field: 'body' } } });
		});

		it('an unknown case is 404', async () => {
			expect((await call('GET', '/api/v1/cases/K-2026-999999')).status).toBe(404);
		});
	});
});
