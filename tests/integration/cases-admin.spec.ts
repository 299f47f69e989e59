/**
 * Administration and alerts on PGlite with a moved clock (issue 3 §2, §3, §5, §8): calendar
 * and policy edits (bad ones name their field and change nothing; a policy change applies to new
 * cases only), teams and agents, sla.md row 5 through the status service, and a breach at 02:00
 * on Saturday whose notification — in-app and a signed webhook to a local server — waits for
 * Monday 07:30.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isActionFailure } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/server/config';
import { createContainer, type Container } from '../../src/lib/server/container';
import { MEMORY } from '../../src/lib/server/db';
import {
	saveAgentAction,
	savePolicyAction,
	saveTeamAction
} from '../../src/lib/server/forms/admin-actions';
import { saveCalendarAction } from '../../src/lib/server/forms/calendar-action';
import { accessHandle } from '../../src/lib/server/http/access-handle';
import {
	loadSlaConfig,
	saveCalendar,
	savePolicyRevision,
	toSlaPolicy
} from '../../src/lib/server/repositories/sla-config.repository';
import { searchAudit } from '../../src/lib/server/services/access/audit.service';
import { placeCase } from '../../src/lib/server/services/access/case-scope';
import { SESSION_COOKIE } from '../../src/lib/server/services/access/sessions.service';
import { signature } from '../../src/lib/server/services/cases/notifier.service';
import { FakeTimers } from '../support/fake-timers';
import { accessFixture } from './access-harness';
import { api, createCase, fastPolicy } from './cases-client';
import { casesRoute, serveCases } from './cases-routes';
import { pgliteTemplate } from './harness';
import { hasIndonesian } from '../../src/lib/i18n/problems';
import { gateEvent } from './gate-event';

const wib = (s: string) => Date.parse(`${s}+07:00`);
const SECRET = 'test-secret-0123456789';

interface Hook {
	headers: http.IncomingHttpHeaders;
	body: string;
	at: number;
}

describe('cases administration and alerts', () => {
	const clock = new FakeTimers(wib('2026-03-06T22:00:00'));
	const hooks: Hook[] = [];
	/** The receiver answers 500 to this many next deliveries. */
	let failNext = 0;
	let receiver: http.Server;
	let c: Container;
	let web: Awaited<ReturnType<typeof serveCases>>;
	const call = (method: string, path: string, body?: unknown) => api(web.url, method, path, body);
	const settle = async () => {
		await c.cases.scheduler.idle();
		await c.cases.notifier.idle();
	};

	beforeAll(async () => {
		receiver = http.createServer((req, res) => {
			let body = '';
			req.on('data', (d) => (body += d));
			req.on('end', () => {
				hooks.push({ headers: req.headers, body, at: clock.now() });
				res.writeHead(failNext-- > 0 ? 500 : 204).end();
			});
		});
		await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
		const config = loadConfig({
			SIGAP_DATA_DIR: '/nonexistent',
			SIGAP_NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
			SIGAP_NOTIFY_WEBHOOK_SECRET: SECRET
		});
		config.database = { kind: 'pglite', dataDir: MEMORY };
		c = await createContainer(config, clock, await pgliteTemplate());
		web = await serveCases(c);
	});
	afterAll(async () => {
		await web?.close();
		await c?.close();
		await new Promise<void>((r) => receiver?.close(() => r()));
	});

	it('a breach at 02:00 on Saturday is recorded at once; its notification waits for Monday 07:30', async () => {
		await fastPolicy(web.url, 'usp_operasional', 240, 100_000);
		const kase = await createCase(web.url, { issueType: 'usp_operasional' });
		expect(kase.sla.firstResponse.dueAt).toBe('2026-03-07T02:00:00+07:00');
		await clock.advanceTo(wib('2026-03-07T03:00:00'), settle);
		const breaches = (await call('GET', '/api/v1/wall/breaches')).body;
		expect(breaches[0]).toMatchObject({ number: kase.number, province: '61', lateBySeconds: 3600 });
		expect(Object.keys(breaches[0]).sort()).toEqual(
			['at', 'caseId', 'issueType', 'lateBySeconds', 'number', 'province', 'target'].sort()
		);
		expect((await call('GET', '/api/v1/notifications?agent=1001')).body).toEqual([]);
		expect(hooks).toEqual([]);

		await clock.advanceTo(wib('2026-03-09T07:29:59'), settle);
		expect(hooks).toEqual([]);
		await clock.advanceTo(wib('2026-03-09T07:30:00'), settle);
		expect(hooks).toHaveLength(1);
		const hook = hooks[0]!;
		expect(hook.at).toBe(wib('2026-03-09T07:30:00'));
		const timestamp = String(hook.headers['x-sigap-timestamp']);
		expect(hook.headers['x-sigap-signature']).toBe(signature(SECRET, timestamp, hook.body));
		expect(JSON.parse(hook.body)).toMatchObject({ kind: 'sla.breached', number: kase.number });
		const inbox = (await call('GET', '/api/v1/notifications?agent=1001')).body;
		expect(inbox).toMatchObject([
			{ caseNumber: kase.number, deliverAt: '2026-03-09T07:30:00+07:00' }
		]);
		await clock.advanceTo(wib('2026-03-09T09:00:00'), settle);
		expect(hooks).toHaveLength(1);
	});

	it('sla.md row 5 through the status service: due Wed 08:00 after waiting Mon 10:00 → Tue 11:00', async () => {
		clock.t = wib('2026-03-09T08:00:00');
		await fastPolicy(web.url, 'desa_regulasi', 60, 480, 'standard');
		const kase = await createCase(web.url, { issueType: 'desa_regulasi' });
		await clock.advanceTo(wib('2026-03-09T10:00:00'), settle);
		await call('POST', `/api/v1/cases/${kase.id}/status`, { status: 'waiting_on_reporter' });
		await clock.advanceTo(wib('2026-03-10T11:00:00'), settle);
		await call('POST', `/api/v1/cases/${kase.id}/status`, { status: 'in_progress' });
		const view = (await call('GET', `/api/v1/cases/${kase.id}`)).body;
		expect(view.sla.resolution).toMatchObject({
			dueAt: '2026-03-11T08:00:00+07:00',
			paused: false
		});
	});

	it.each([
		[
			'overlapping intervals',
			{ weekly: [w(1, '07:30', '12:00'), w(1, '11:00', '16:30')] },
			'weekly[1]'
		],
		['an interval ending before it starts', { weekly: [w(2, '16:30', '07:30')] }, 'weekly[0].end'],
		[
			'a holiday date that does not exist',
			{ holidays: [holiday('2026-02-30')] },
			'holidays[0].date'
		],
		[
			'a holiday listed twice',
			{ holidays: [holiday('2026-08-17'), holiday('2026-08-17')] },
			'holidays[1].date'
		],
		[
			'an override date that does not exist',
			{ overrides: [{ date: '2026-13-01', intervals: [] }] },
			'overrides[0].date'
		],
		['an unknown time zone', { timeZone: 'Asia/Atlantis' }, 'timeZone']
	])('calendar edit refused: %s', async (_, patch, field) => {
		const before = (await call('GET', '/api/v1/admin/calendars')).body;
		const r = await call('PUT', '/api/v1/admin/calendars/standard', {
			name: 'Standar',
			weekly: [w(1, '07:30', '16:30')],
			...patch
		});
		expect(r.status).toBe(400);
		expect(r.body.error.field).toBe(field);
		expect((await call('GET', '/api/v1/admin/calendars')).body).toEqual(before);
	});

	it('a holiday added to a calendar moves the due time of open cases', async () => {
		clock.t = wib('2026-03-12T08:00:00');
		// One business day (540 minutes) to the first response, on the standard calendar.
		await fastPolicy(web.url, 'desa_regulasi', 540, 2700, 'standard');
		const kase = await createCase(web.url, { issueType: 'desa_regulasi' });
		expect(kase.sla.firstResponse.dueAt).toBe('2026-03-13T08:00:00+07:00');
		const standard = (await call('GET', '/api/v1/admin/calendars')).body.find(
			(x: { id: string }) => x.id === 'standard'
		);
		const r = await call('PUT', '/api/v1/admin/calendars/standard', {
			...standard,
			updatedAt: undefined,
			holidays: [...standard.holidays, holiday('2026-03-13')]
		});
		expect(r.status).toBe(200);
		const after = (await call('GET', `/api/v1/cases/${kase.id}`)).body;
		expect(after.sla.firstResponse.dueAt).toBe('2026-03-16T08:00:00+07:00');
	});

	it('a policy change applies to new cases; the old case keeps its revision', async () => {
		const old = await createCase(web.url, { issueType: 'lainnya' });
		const r = await call('PUT', '/api/v1/admin/sla-policies/default', {
			name: 'Standar Kementerian (baru)',
			firstResponseMinutes: 60,
			resolutionMinutes: 2700,
			calendarId: 'standard'
		});
		expect(r.body).toMatchObject({ id: 'default', revision: 2 });
		const fresh = await createCase(web.url, { issueType: 'lainnya' });
		const oldNow = (await call('GET', `/api/v1/cases/${old.id}`)).body;
		expect([oldNow.sla.policyId, fresh.sla.policyId]).toEqual(['default@1', 'default@2']);
		expect(oldNow.sla.firstResponse.dueAt).toBe(old.sla.firstResponse.dueAt);
		expect(Date.parse(fresh.sla.firstResponse.dueAt!)).toBeLessThan(
			Date.parse(old.sla.firstResponse.dueAt!)
		);
		const retire = await call('DELETE', '/api/v1/admin/sla-policies/default');
		expect(retire).toMatchObject({ status: 400, body: { error: { field: 'id' } } });
		expect(retire.body.error.message).toMatch(/no default policy/);
	});

	it('a policy whose first response outlasts its resolution is refused, naming the field', async () => {
		const before = (await call('GET', '/api/v1/admin/sla-policies')).body;
		const r = await call('PUT', '/api/v1/admin/sla-policies/terbalik', {
			name: 'Terbalik',
			firstResponseMinutes: 600,
			resolutionMinutes: 60,
			calendarId: 'standard'
		});
		expect(r).toMatchObject({ status: 400, body: { error: { field: 'firstResponseMinutes' } } });
		expect(hasIndonesian(r.body.error.message), r.body.error.message).toBe(true);
		expect((await call('GET', '/api/v1/admin/sla-policies')).body).toEqual(before);
	});

	it('a webhook the receiver refuses is retried 30 s later, within business hours', async () => {
		clock.t = wib('2026-03-12T09:00:00');
		await settle();
		await clock.advanceTo(wib('2026-03-12T09:00:00'), settle);
		const kase = await createCase(web.url, { issueType: 'usp_operasional' });
		const due = Date.parse(kase.sla.firstResponse.dueAt!);
		expect(due).toBe(wib('2026-03-12T13:00:00'));
		const mine = () => hooks.filter((h) => JSON.parse(h.body).number === kase.number);
		failNext = 1;
		await clock.advanceTo(due, settle);
		expect(mine().map((h) => h.at)).toEqual([due]);
		await clock.advanceTo(due + 29_999, settle);
		expect(mine()).toHaveLength(1);
		await clock.advanceTo(due + 30_000, settle);
		expect(mine().map((h) => h.at)).toEqual([due, due + 30_000]);
		expect(mine()[0]!.headers['x-sigap-delivery']).toBe(mine()[1]!.headers['x-sigap-delivery']);
		await clock.advanceTo(due + 3600_000, settle);
		expect(mine()).toHaveLength(2);
	});

	it('teams and agents: created, listed, bad references named', async () => {
		const team = await call('POST', '/api/v1/teams', {
			name: 'Tim Kalbar',
			leadAgentId: '1002',
			calendarId: 'standard'
		});
		expect(team.status).toBe(201);
		const agent = await call('POST', '/api/v1/agents', {
			name: 'Rina',
			teamIds: [team.body.id],
			provinces: ['61'],
			issueTypes: ['kopdes_lahan']
		});
		expect(agent.body).toMatchObject({ name: 'Rina', active: true });
		expect(
			(await call('GET', '/api/v1/agents')).body.map((a: { name: string }) => a.name)
		).toContain('Rina');
		expect(
			(await call('GET', '/api/v1/teams')).body.map((t: { name: string }) => t.name)
		).toContain('Tim Kalbar');
		for (const [body, field] of [
			[{ name: 'X', teamIds: ['nope'] }, 'teamIds[0]'],
			[{ name: 'X', provinces: ['99'] }, 'provinces[0]'],
			[{ name: 'X', issueTypes: ['pajak'] }, 'issueTypes[0]']
		] as const) {
			expect((await call('POST', '/api/v1/agents', body)).body.error.field).toBe(field);
		}
		expect(
			(await call('POST', '/api/v1/teams', { name: 'Y', calendarId: 'mars' })).body.error.field
		).toBe('calendarId');
	});

	describe('creating with an id already in use: refused, nothing changed, not audited', () => {
		const conflict = (what: string, id: string) => ({
			code: 'conflict',
			field: 'id',
			message: `id: ${what} id "${id}" is already in use`
		});
		const directory = async () => ({
			teams: (await call('GET', '/api/v1/teams')).body,
			agents: (await call('GET', '/api/v1/agents')).body
		});
		const standard = async () =>
			(await call('GET', '/api/v1/admin/calendars')).body.find(
				(x: { id: string }) => x.id === 'standard'
			);
		const policies = async () => (await call('GET', '/api/v1/admin/sla-policies')).body;

		it('the API: POST /teams and POST /agents with an existing id are a 409 naming id', async () => {
			const before = await directory();
			const team = await call('POST', '/api/v1/teams', {
				id: 'nasional',
				name: 'Tiruan',
				calendarId: 'standard'
			});
			expect(team).toEqual({ status: 409, body: { error: conflict('team', 'nasional') } });
			const agent = await call('POST', '/api/v1/agents', {
				id: '1002',
				name: 'Tiruan',
				teamIds: ['nasional']
			});
			expect(agent).toEqual({ status: 409, body: { error: conflict('agent', '1002') } });
			const after = await directory();
			expect(after).toEqual(before);
			expect(after.teams.find((t: { id: string }) => t.id === 'nasional')).toMatchObject({
				name: 'Tim Layanan Nasional',
				leadAgentId: '1001'
			});
			expect(after.agents.find((a: { id: string }) => a.id === '1002')).toMatchObject({
				name: 'Budi Santoso'
			});
		});

		it('the team and agent pages: the new row refuses the id, keeps what was typed', async () => {
			const before = await directory();
			const team = await saveTeamAction(
				c,
				formOf({ formKey: 'team:new', create: '1', id: 'nasional', name: 'Tiruan' })
			);
			expect(isActionFailure(team) && team.status).toBe(409);
			expect(failureData(team).row).toMatchObject({
				formKey: 'team:new',
				saved: false,
				errors: { id: conflict('team', 'nasional').message },
				values: { id: 'nasional', name: 'Tiruan' }
			});
			const agent = await saveAgentAction(
				c,
				formOf({
					formKey: 'agent:new',
					create: '1',
					id: '1002',
					name: 'Tiruan',
					provinces: ['61', '32']
				})
			);
			expect(isActionFailure(agent) && agent.status).toBe(409);
			expect(failureData(agent).row).toMatchObject({
				errors: { id: conflict('agent', '1002').message },
				values: { id: '1002', name: 'Tiruan', provinces: ['61', '32'] }
			});
			expect(await directory()).toEqual(before);

			// A new id is still created by the new row; a record's own row still edits it.
			const fresh = await saveTeamAction(
				c,
				formOf({ formKey: 'team:new', create: '1', id: 'tim-baru', name: 'Tim Baru' })
			);
			expect(fresh).toMatchObject({ row: { saved: true } });
			const edit = await saveAgentAction(
				c,
				formOf({
					formKey: 'agent:1004',
					id: '1004',
					name: 'Agus Pratama',
					teamIds: ['nasional', 'tim-baru'],
					active: 'on'
				})
			);
			expect(edit).toMatchObject({ row: { formKey: 'agent:1004', saved: true } });
			const after = await directory();
			expect(after.teams.map((t: { id: string }) => t.id)).toContain('tim-baru');
			expect(after.agents.find((a: { id: string }) => a.id === '1004').teamIds).toEqual([
				'nasional',
				'tim-baru'
			]);
		});

		it('the calendar editor: a new calendar named "standard" leaves the standard one whole', async () => {
			const before = await standard();
			expect(before.holidays.length).toBeGreaterThan(10);
			const typed = {
				create: '1',
				id: 'standard',
				name: 'Tiruan',
				timeZone: 'Asia/Jakarta',
				'weekly.1': '09:00-10:00',
				holidayRows: '0'
			};
			const refused = await saveCalendarAction(c, formOf(typed));
			expect(isActionFailure(refused) && refused.status).toBe(409);
			expect(failureData(refused).calendar).toMatchObject({
				saved: false,
				errors: { id: conflict('calendar', 'standard').message },
				values: typed
			});
			expect(await standard()).toEqual(before);

			// The edit form (no `create`) still saves the calendar it shows.
			const { create: _create, ...edit } = typed;
			const saved = await saveCalendarAction(
				c,
				formOf({ ...edit, name: before.name, 'weekly.1': '07:30-16:30', holidayRows: '0' })
			);
			expect(saved).toMatchObject({ calendar: { saved: true, id: 'standard' } });
			expect((await standard()).holidays).toEqual([]);
			await call('PUT', '/api/v1/admin/calendars/standard', { ...before, updatedAt: undefined });
			expect((await standard()).holidays).toEqual(before.holidays);
		});

		it('the SLA page: a new policy named "default" leaves the default policy as it was', async () => {
			const before = await policies();
			const row = {
				formKey: 'new',
				create: '1',
				id: 'default',
				name: 'Tiruan',
				firstResponseMinutes: '5',
				resolutionMinutes: '10',
				calendarId: '24x7'
			};
			const refused = await savePolicyAction(c, formOf(row));
			expect(isActionFailure(refused) && refused.status).toBe(409);
			expect(failureData(refused).row).toMatchObject({
				errors: { id: conflict('SLA policy', 'default').message },
				values: { id: 'default', name: 'Tiruan' }
			});
			expect(await policies()).toEqual(before);

			const fresh = await savePolicyAction(
				c,
				formOf({ ...row, id: 'baru', issueType: 'kopdes_lahan' })
			);
			expect(fresh).toMatchObject({ row: { saved: true } });
			const current = before.find((p: { id: string }) => p.id === 'default');
			const edit = await savePolicyAction(
				c,
				formOf({
					formKey: 'default',
					id: 'default',
					name: current.name,
					firstResponseMinutes: String(current.firstResponseMinutes),
					resolutionMinutes: String(current.resolutionMinutes),
					atRiskPercent: String(current.atRiskPercent),
					calendarId: current.calendarId
				})
			);
			expect(edit).toMatchObject({ row: { saved: true } });
			const after = await policies();
			expect(after.find((p: { id: string }) => p.id === 'default').revision).toBe(
				current.revision + 1
			);
		});

		it('the store refuses too (a create racing another leaves the first whole)', async () => {
			const db = c.database.db;
			const rows = await loadSlaConfig(db);
			const cal = rows.calendars.find((x) => x.id === 'standard')!;
			const now = new Date(clock.now());
			expect(await saveCalendar(db, { ...cal, name: 'Tiruan', holidays: [] }, now, true)).toBe(
				false
			);
			const policy = rows.current.find((p) => p.id === 'default')!;
			const input = { ...toSlaPolicy(policy), id: policy.id, atRiskPercent: policy.atRiskPercent };
			expect(await savePolicyRevision(db, { ...input, name: 'Tiruan' }, now, true)).toBeNull();
			expect(await loadSlaConfig(db)).toEqual(rows);
		});

		it('through the request gate: the refused create is not on the audit record, an edit is', async () => {
			const admin = await accessFixture(c)('admin');
			const handle = accessHandle(async () =>
				Object.assign({}, c, { placeCase: (id: string) => placeCase(c, id) })
			);
			const viaGate = async (
				routeId: string,
				method: string,
				path: string,
				body: unknown,
				params: Record<string, string> = {}
			) => {
				const url = new URL(path, 'http://sigap.test');
				const request = new Request(url, {
					method,
					headers: { 'content-type': 'application/json', origin: url.origin },
					body: JSON.stringify(body)
				});
				const event = gateEvent(request, routeId, {
					params,
					cookies: { [SESSION_COOKIE]: admin.session }
				});
				const response = await handle({
					event,
					resolve: async (e) => {
						const answer = await casesRoute(c, method, e.url, await e.request.text());
						return Response.json(answer!.body, { status: answer!.status });
					}
				});
				return response.status;
			};
			const audited = async () =>
				(await searchAudit(c.database.db, { action: 'team.save', limit: 100 })).length;
			const before = await audited();
			expect(
				await viaGate('/api/v1/teams', 'POST', '/api/v1/teams', {
					id: 'nasional',
					name: 'Tiruan'
				})
			).toBe(409);
			expect(await audited()).toBe(before);
			expect(
				await viaGate(
					'/api/v1/teams/[id]',
					'PUT',
					'/api/v1/teams/nasional',
					{ name: 'Tim Layanan Nasional', leadAgentId: '1001' },
					{ id: 'nasional' }
				)
			).toBe(200);
			expect(await audited()).toBe(before + 1);
		});
	});
});

/** A posted form: repeated fields as arrays. */
function formOf(fields: Record<string, string | string[]>): FormData {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		for (const one of [value].flat()) form.append(name, one);
	}
	return form;
}

/** The data of a refused form action. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function failureData(result: unknown): any {
	if (!isActionFailure(result)) throw new Error(`not refused: ${JSON.stringify(result)}`);
	return result.data;
}

function w(weekday: number, start: string, end: string) {
	return { weekday, start, end };
}

function holiday(date: string) {
	return { date, name: 'Libur uji', source: 'test', kind: 'other' as const };
}
