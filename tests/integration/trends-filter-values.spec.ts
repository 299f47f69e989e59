/**
 * A trend filter naming a province or issue type that does not exist is a 400 naming the
 * field, as on `GET /api/v1/metrics` — not a 200 of zeros — on the API, the page, the exports
 * and the drill-down (issue 6). Unknown page parameters stay tolerated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backlogList } from '../../src/lib/server/services/trends/backlog-list';
import { casesAuditExport } from '../../src/lib/server/services/trends/case-audit';
import { contactList } from '../../src/lib/server/services/trends/contacts';
import { trendsPage } from '../../src/lib/server/services/trends/page';
import { startTestServer, type TestServer } from './harness';

const RANGE = 'from=2026-03-01&to=2026-03-31';
const BAD = [
	['province=99', /^province: "99" is not one of the 38 BPS province codes/],
	['issueType=nope', /^issueType: unknown issue type "nope"/]
] as const;

let s: TestServer;
beforeAll(async () => {
	s = await startTestServer('pglite', { now: () => Date.parse('2026-04-01T05:00:00Z') });
});
afterAll(async () => {
	await s?.close();
});

describe('unknown province or issue type on the trend routes', () => {
	it.each(BAD)('%s: the API and the metrics API agree on the 400', async (q, message) => {
		for (const path of ['/api/v1/trends', '/api/v1/metrics']) {
			const res = await fetch(`${s.url}${path}?${RANGE}&${q}`);
			expect(res.status, path).toBe(400);
			const body = (await res.json()) as { error: { code: string; message: string } };
			expect(body.error).toMatchObject({ code: 'invalid_query' });
			expect(body.error.message).toMatch(message);
		}
	});

	it.each(BAD)('%s: the page, the exports and the drill-down refuse it', async (q, message) => {
		const c = s.container;
		const page = await trendsPage(c, new URLSearchParams(`range=d30&${q}`), 'id');
		expect(page).toMatchObject({ ok: false });
		expect(page.ok || page.status).toBeUndefined(); // a 400, not a 403
		expect(page.ok ? '' : page.message).toMatch(message);

		for (const view of ['trend', 'heatmap']) {
			const res = await fetch(`${s.url}/trends/export?view=${view}&format=csv&${RANGE}&${q}`);
			expect(res.status, view).toBe(400);
			expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
		}
		const cases = await casesAuditExport(c, new URLSearchParams(`${RANGE}&${q}`));
		expect(cases.status).toBe(400);
		expect(JSON.parse(String(cases.body)).error.message).toMatch(message);

		const contacts = await contactList(c, new URLSearchParams(`${RANGE}&channel=call&${q}`));
		expect(contacts).toMatchObject({ ok: false, status: 400 });
		expect(contacts.ok ? '' : contacts.message).toMatch(message);
		const backlog = backlogList(c, new URLSearchParams(`backlog=all&${q}`));
		expect(backlog).toMatchObject({ ok: false, status: 400 });
		expect(backlog.ok ? '' : backlog.message).toMatch(message);
	});

	it('known codes and the unknown bucket still answer, and the page tolerates unknown params', async () => {
		const res = await fetch(`${s.url}/api/v1/trends?${RANGE}&province=61&issueType=unknown`);
		expect(res.status).toBe(200);
		const page = await trendsPage(
			s.container,
			new URLSearchParams('range=d30&province=61&foo=bar'),
			'id'
		);
		expect(page.ok).toBe(true);
	});
});
