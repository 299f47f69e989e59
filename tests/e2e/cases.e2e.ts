/**
 * The cases pages against the built production server in Chromium (issue 3): a team lead of
 * Kalimantan Barat (signed in as one, not the administrator)
 * filters the work queue to one province and reassigns two cases in bulk while the wall's
 * counts follow; a case on a one-minute target (a policy made on the admin page, on the 24/7
 * calendar so the test works at any hour) breaches on the wall within 2 s of its due time;
 * without JavaScript the reassign form works and a stale second form gets the conflict; with
 * JavaScript too, on the queue and on the case page, although the stale tab shows the first
 * reassignment live before it sends its own.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startServer, type E2eServer } from '../support/server-process';

let server: E2eServer;
test.beforeAll(async () => {
	server = await startServer();
});
test.afterAll(async () => {
	await server?.stop();
});
// Every page needs a signed-in user (issue 5): the administrator made at server start.
test.beforeEach(async ({ context }) => {
	await server.signIn(context);
});

interface CreatedCase {
	id: string;
	number: string;
	sla: { policyId: string; firstResponse: { dueAt: string } };
}

/** Creates a case through the API (a digitised letter); `daysAgo` back-dates its receipt. */
async function createCase(fields: Record<string, unknown>, daysAgo = 0): Promise<CreatedCase> {
	const receivedAt = daysAgo
		? new Date(Date.now() - daysAgo * 86_400_000).toISOString()
		: undefined;
	const response = await server.access.api('POST', '/api/v1/cases', {
		actor: 'e2e',
		reporterType: 'member',
		reporterName: 'Budi Santoso',
		reporterContact: '+62 812-3456-7890',
		issueType: 'kopdes_lahan',
		channel: 'ticket',
		subject: 'Sengketa lahan koperasi desa',
		description: 'Surat pengaduan anggota koperasi.',
		...(receivedAt ? { receivedAt } : {}),
		...fields
	});
	expect(response.status, await response.clone().text()).toBe(201);
	return (await response.json()) as CreatedCase;
}

const tile = (page: Page, metric: string) =>
	page.getByTestId(`tile-${metric}`).getByTestId('value');

async function liveWall(page: Page, query: string) {
	await page.goto(`${server.url}/wall?${query}`);
	await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live', {
		timeout: 10_000
	});
}

test('a team lead filters to one province, reassigns two cases in bulk, the wall follows', async ({
	page,
	context
}) => {
	// A second team, made on the admin page by the administrator.
	await page.goto(`${server.url}/admin/teams`);
	const newTeam = page.getByTestId('team:new');
	await newTeam.locator('input[name="id"]').fill('tim-kalbar');
	await newTeam.locator('input[name="name"]').fill('Tim Kalimantan Barat');
	await newTeam.getByRole('button').click();
	await expect(page.getByTestId('team:tim-kalbar')).toBeVisible();

	// Three breached cases in Kalimantan Barat (received ten days ago), one in Jawa Barat, one
	// in Aceh (outside the team lead's scope).
	const kalbar = [];
	for (let i = 0; i < 3; i++) kalbar.push(await createCase({ provinceCode: '61' }, 10));
	await createCase({ provinceCode: '32' }, 10);
	await createCase({ provinceCode: '11' }, 10);

	// From here on this browser is a team lead of Kalimantan Barat (and Jawa Barat, so the
	// province filter has something to narrow), not the administrator.
	await server.signIn(
		context,
		await server.access.user('team_lead', 'ketua.kalbar@e2e.test', { provinces: '61,32' })
	);
	await page.goto(`${server.url}/admin/teams`);
	await expect(page.getByTestId('team:new')).toHaveCount(0);

	const wall = await context.newPage();
	await liveWall(wall, 'province=61');
	await expect(tile(wall, 'openCases')).toHaveText('3');
	await expect(tile(wall, 'breached')).toHaveText('3');

	// The queue holds the lead's provinces only; filtered to one province through its filter
	// bar, the URL carries the filter.
	await page.goto(`${server.url}/cases`);
	await expect(page.getByTestId('cases-connection')).toHaveAttribute('data-state', 'live');
	await expect(page.getByTestId('case-row')).toHaveCount(4);
	await page.getByTestId('filter-province').selectOption('61');
	await expect(page).toHaveURL(/\/cases\?province=61$/);
	await expect(page.getByTestId('case-row')).toHaveCount(3);
	await expect(page.getByTestId('filter-province').locator('option:checked')).toContainText('(3)');
	await expect(page.getByTestId('cases-connection')).toHaveAttribute('data-state', 'live');

	// Breached first: every row is breached, so the two oldest dues lead.
	const rows = page.getByTestId('case-row');
	const picked = [
		await rows.nth(0).getAttribute('data-case'),
		await rows.nth(1).getAttribute('data-case')
	];
	await rows.nth(0).getByRole('checkbox').check();
	await rows.nth(1).getByRole('checkbox').check();
	await expect(page.getByTestId('selected-count')).toContainText('2');
	await page.getByTestId('reassign-team').selectOption('tim-kalbar');
	await page.getByTestId('reassign-reason').fill('Ditangani tim provinsi');
	await page.getByTestId('reassign-submit').click();

	await expect(page.getByTestId('result-ok')).toHaveCount(2);
	for (const number of picked) {
		const row = page.locator(`[data-testid="case-row"][data-case="${number}"]`);
		await expect(row.getByTestId('team')).toHaveText('Tim Kalimantan Barat');
	}
	// On the record as the team lead who did it, with the reason.
	for (const number of picked) {
		const id = kalbar.find((c) => c.number === number)!.id;
		const view = (await (await server.access.api('GET', `/api/v1/cases/${id}`)).json()) as {
			history: { kind: string; actor: string; reason: string | null }[];
		};
		expect(view.history.filter((h) => h.kind === 'reassigned')).toEqual([
			expect.objectContaining({ actor: 'ketua.kalbar@e2e.test', reason: 'Ditangani tim provinsi' })
		]);
	}
	// Reassignment never resets a clock: still three open, three breached on the wall.
	await expect(tile(wall, 'openCases')).toHaveText('3');
	await expect(tile(wall, 'breached')).toHaveText('3');

	// The new team resolves one: the wall and the open queue follow without a reload.
	const resolved = kalbar.find((c) => c.number === picked[0])!;
	const status = await server.access.api('POST', `/api/v1/cases/${resolved.id}/status`, {
		actor: 'Tim Kalimantan Barat',
		status: 'resolved'
	});
	expect(status.status).toBe(200);
	await expect(tile(wall, 'openCases')).toHaveText('2', { timeout: 5_000 });
	await expect(tile(wall, 'breached')).toHaveText('2');
	await expect(page.getByTestId('case-row')).toHaveCount(2, { timeout: 5_000 });

	// The wall's breached tile drills down to the queue, filtered to the province and state.
	await wall.getByTestId('tile-breached').getByTestId('drill').click();
	await expect(wall).toHaveURL(/\/cases\?province=61&state=breached$/);
	await expect(wall.getByTestId('case-row')).toHaveCount(2);
});

test('a case on a one-minute target breaches on the wall within 2 s of its due time', async ({
	page,
	context
}) => {
	test.setTimeout(150_000);
	// The policy, made on the admin page: 24/7 calendar, one minute to first response.
	await page.goto(`${server.url}/admin/sla`);
	const row = page.getByTestId('policy-new');
	await row.locator('input[name="id"]').fill('e2e-one-minute');
	await row.locator('input[name="name"]').fill('E2E satu menit');
	await row.locator('select[name="issueType"]').selectOption('lainnya');
	await row.locator('select[name="priority"]').selectOption('urgent');
	await row.locator('select[name="channel"]').selectOption('chat');
	await row.locator('input[name="firstResponseMinutes"]').fill('1');
	await row.locator('input[name="resolutionMinutes"]').fill('30');
	await row.locator('input[name="atRiskPercent"]').fill('50');
	await row.locator('select[name="calendarId"]').selectOption('24x7');
	await row.getByRole('button').click();
	await expect(page.getByTestId('policy-e2e-one-minute')).toBeVisible();
	await expect(page.getByTestId('sla-notice')).toBeVisible();

	const wall = await context.newPage();
	// Counts the chime's tones (Web Audio oscillators started).
	await wall.addInitScript(() => {
		const counter = window as unknown as { tones: number };
		counter.tones = 0;
		const start = OscillatorNode.prototype.start;
		OscillatorNode.prototype.start = function (...args) {
			counter.tones += 1;
			return start.apply(this, args);
		};
	});
	await liveWall(wall, 'province=94&chime=1');
	await expect(tile(wall, 'breached')).toHaveText('0');
	// Browsers start audio only after a gesture: the wall offers the tap once (Chromium may
	// allow it without one after the clicks on the admin page of the same site).
	const enableSound = wall.getByTestId('enable-sound');
	const soundOn = wall.getByTestId('sound-on');
	await expect(enableSound.or(soundOn)).toBeVisible();
	if (await enableSound.isVisible()) await enableSound.click();
	await expect(soundOn).toBeVisible();

	const created = await createCase({
		provinceCode: '94',
		issueType: 'lainnya',
		priority: 'urgent',
		channel: 'chat'
	});
	expect(created.sla.policyId).toMatch(/^e2e-one-minute/);
	const due = Date.parse(created.sla.firstResponse.dueAt);
	const leftMs = due - Date.now();
	expect(leftMs).toBeGreaterThan(50_000);
	expect(leftMs).toBeLessThanOrEqual(60_000);

	// At risk from 50 %; not breached a second before the due time.
	await expect(tile(wall, 'atRisk')).toHaveText('1', { timeout: leftMs });
	await wall.waitForTimeout(Math.max(0, due - 1_000 - Date.now()));
	await expect(tile(wall, 'breached')).toHaveText('0');

	await expect(tile(wall, 'breached')).toHaveText('1', { timeout: due + 2_000 - Date.now() });
	const shownAt = Date.now();
	expect(shownAt - due).toBeLessThanOrEqual(2_000);
	const ticker = wall.getByTestId('breach-ticker');
	await expect(ticker.getByTestId('breach')).toHaveAttribute('data-case', created.number);
	await expect(ticker).not.toContainText('Budi');
	await expect(ticker).not.toContainText('3456');
	// The chime sounded for the new breach: two tones.
	await expect
		.poll(() => wall.evaluate(() => (window as unknown as { tones: number }).tones))
		.toBe(2);
});

test('without JavaScript the reassign form works, and a stale form gets the conflict', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	// A team lead of Sulawesi Selatan, signed in: the history names them, not a typed name.
	await server.signIn(
		context,
		await server.access.user('team_lead', 'ketua.a@e2e.test', { provinces: '73' })
	);
	const created = await createCase({ provinceCode: '73' });
	const [first, second] = [await context.newPage(), await context.newPage()];
	for (const page of [first, second]) {
		await page.goto(`${server.url}/cases?province=73`);
		await expect(page.getByTestId('case-row')).toHaveCount(1);
	}
	async function reassign(page: Page, agent: string) {
		await page.getByTestId('case-row').getByRole('checkbox').check();
		await page.getByTestId('reassign-agent').selectOption(agent);
		await page.getByTestId('reassign-reason').fill('Cuti');
		// Signed in: the panel names the account the history will record, no name to type.
		await expect(page.getByTestId('reassign-recorded-by')).toHaveText('ketua.a@e2e.test');
		await page.getByTestId('reassign-submit').click();
	}
	await reassign(first, '1002');
	await expect(first.getByTestId('result-ok')).toHaveCount(1);
	await expect(first).toHaveURL(/\/cases\?province=73&\/reassign$/);
	await expect(first.getByTestId('case-row').getByTestId('assignee')).toHaveText('Budi Santoso');

	await reassign(second, '1003');
	const conflict = second.getByTestId('result-conflict');
	await expect(conflict).toHaveAttribute('data-case', created.number);
	await expect(conflict).toContainText('Sudah dialihkan oleh ketua.a@e2e.test');
	// Refresh: the same filtered list, now showing who has the case.
	await second.getByTestId('refresh').click();
	await expect(second).toHaveURL(/\/cases\?province=73$/);
	await expect(second.getByTestId('case-row').getByTestId('assignee')).toHaveText('Budi Santoso');
	await context.close();
});

/**
 * Two tabs of one team lead (signed in) on `path`, both live; `act` reassigns from a tab. The
 * first tab's reassignment shows in the second one live, yet the second one still sends the
 * version it acted on (ticked, or loaded) and gets the conflict, not a silent overwrite.
 */
async function twoLiveTabs(
	browser: Browser,
	province: string,
	path: (created: CreatedCase) => string,
	ready: (page: Page) => Promise<void>
) {
	const context = await browser.newContext();
	await server.signIn(
		context,
		await server.access.user('team_lead', `ketua.${province}@e2e.test`, { provinces: province })
	);
	const created = await createCase({ provinceCode: province });
	const tabs = [await context.newPage(), await context.newPage()] as const;
	for (const tab of tabs) {
		await tab.goto(`${server.url}${path(created)}`);
		await ready(tab);
	}
	return { context, created, tabs };
}

async function fillReassign(page: Page, agent: string, reason: string) {
	await page.getByTestId('reassign-agent').selectOption(agent);
	await page.getByTestId('reassign-reason').fill(reason);
	await page.getByTestId('reassign-submit').click();
}

test('with JavaScript a second tab that saw the first reassignment live still gets the conflict', async ({
	browser
}) => {
	const { context, created, tabs } = await twoLiveTabs(
		browser,
		'74',
		() => '/cases?province=74',
		async (tab) => {
			await expect(tab.getByTestId('cases-connection')).toHaveAttribute('data-state', 'live');
			await expect(tab.getByTestId('case-row')).toHaveCount(1);
		}
	);
	const [first, second] = tabs;
	// Both tick the case while it is unassigned.
	for (const tab of tabs) await tab.getByTestId('case-row').getByRole('checkbox').check();
	const row = second.getByTestId('case-row');
	const ticked = await row.getByRole('checkbox').getAttribute('value');
	expect(ticked).toMatch(new RegExp(`^${created.id}\\|\\d+\\|${created.number}$`));

	await fillReassign(first, '1002', 'tab 1');
	await expect(first.getByTestId('result-ok')).toHaveCount(1);

	// The second tab shows the new assignee live, its case still ticked.
	await expect(row.getByTestId('assignee')).toHaveText('Budi Santoso');
	await expect(row.getByRole('checkbox')).toBeChecked();

	await fillReassign(second, '1003', 'tab 2');
	const conflict = second.getByTestId('result-conflict');
	await expect(conflict).toHaveAttribute('data-case', created.number);
	await expect(conflict).toContainText(`Sudah dialihkan oleh ketua.74@e2e.test`);
	await expect(second.getByTestId('result-ok')).toHaveCount(0);
	// Still ticked at the version it was ticked at, and marked as changed since.
	await expect(row.getByRole('checkbox')).toHaveAttribute('value', ticked!);
	await expect(row).toHaveAttribute('data-changed', 'true');
	// Refresh: the list in place, nothing ticked; ticked again, the case now reassigns.
	await second.getByTestId('refresh').click();
	await expect(second.getByTestId('reassign-results')).toHaveCount(0);
	await expect(row.getByRole('checkbox')).not.toBeChecked();
	await row.getByRole('checkbox').check();
	await expect(row).not.toHaveAttribute('data-changed', 'true');
	await second.getByTestId('reassign-submit').click();
	await expect(second.getByTestId('result-ok')).toHaveCount(1);
	await expect(row.getByTestId('assignee')).toHaveText('Dewi Lestari');
	await context.close();
});

test('with JavaScript the case page of a second tab gets the conflict after a live reload', async ({
	browser
}) => {
	const { context, created, tabs } = await twoLiveTabs(
		browser,
		'75',
		(kase) => `/cases/${kase.id}`,
		async (tab) => {
			await expect(tab.getByTestId('case-page')).toHaveAttribute('data-connection', 'live');
		}
	);
	const [first, second] = tabs;

	await fillReassign(first, '1002', 'tab 1');
	await expect(first.getByTestId('result-ok')).toHaveCount(1);
	await expect(first.getByTestId('case-assignee')).toHaveText('Budi Santoso');
	// The user's own change is theirs: no "changed" notice on the first tab.
	await expect(first.getByTestId('case-changed')).toHaveCount(0);

	// The second tab reloads itself live and says the case has changed since it was loaded.
	await expect(second.getByTestId('case-assignee')).toHaveText('Budi Santoso');
	await expect(second.getByTestId('case-changed')).toContainText('Kasus ini baru saja berubah');

	await fillReassign(second, '1003', 'tab 2');
	const conflict = second.getByTestId('result-conflict');
	await expect(conflict).toHaveAttribute('data-case', created.number);
	await expect(conflict).toContainText(`Sudah dialihkan oleh ketua.75@e2e.test`);
	await expect(second.getByTestId('case-assignee')).toHaveText('Budi Santoso');
	// Refresh: the case as it is now; the same reassignment then goes through.
	await second.getByTestId('refresh').click();
	await expect(second.getByTestId('reassign-results')).toHaveCount(0);
	await expect(second.getByTestId('case-changed')).toHaveCount(0);
	await second.getByTestId('reassign-submit').click();
	await expect(second.getByTestId('result-ok')).toHaveCount(1);
	await expect(second.getByTestId('case-assignee')).toHaveText('Dewi Lestari');
	await context.close();
});
