/**
 * The admin pages' "new" forms against the built production server in Chromium: an id already
 * in use (the standard calendar, a seeded team and agent, the default SLA policy) is refused
 * next to the id with what was typed kept, and the existing record stays as it was — also
 * when the refused form is sent a second time. A record's own row still edits it.
 */
import { expect, test, type Page } from '@playwright/test';
import { startServer, type E2eServer } from '../support/server-process';

let server: E2eServer;
test.beforeAll(async () => {
	server = await startServer();
});
test.afterAll(async () => {
	await server?.stop();
});
test.beforeEach(async ({ context }) => {
	await server.signIn(context);
});

const api = async (path: string) => (await server.access.api('GET', path)).json();
type Row = { id: string } & Record<string, unknown>;
const byId = (list: Row[], id: string): Row => list.find((x) => x.id === id)!;

async function fill(page: Page, testId: string, fields: Record<string, string>) {
	const row = page.getByTestId(testId);
	for (const [name, value] of Object.entries(fields)) {
		await row.locator(`[name="${name}"]`).fill(value);
	}
	await row.getByRole('button').click();
}

test('a new calendar with the id "standard" is refused, twice, and the standard one stays whole', async ({
	page
}) => {
	const before = byId(await api('/api/v1/admin/calendars'), 'standard');
	expect((before.holidays as unknown[]).length).toBeGreaterThan(10);
	await page.goto(`${server.url}/admin/calendars?edit=new&lang=en`);
	await page.locator('input[name="id"]').fill('standard');
	await page.locator('input[name="name"]').fill('Tiruan');
	await page.getByTestId('weekly-1').fill('09:00-10:00');
	for (let attempt = 0; attempt < 2; attempt++) {
		await page.getByTestId('calendar-save').click();
		await expect(page.getByTestId('error-id')).toHaveText(
			'id: calendar id "standard" is already in use'
		);
		// Still the new calendar's form, in English, with everything typed.
		await expect(page.locator('input[name="id"]')).not.toHaveAttribute('readonly');
		await expect(page.locator('input[name="name"]')).toHaveValue('Tiruan');
		await expect(page.getByTestId('weekly-1')).toHaveValue('09:00-10:00');
		await expect(page.getByRole('status')).toHaveCount(0);
	}
	expect(byId(await api('/api/v1/admin/calendars'), 'standard')).toEqual(before);
});

test('the new team and agent rows refuse ids in use; their own rows still edit them', async ({
	page
}) => {
	const team = byId(await api('/api/v1/teams'), 'nasional');
	const agent = byId(await api('/api/v1/agents'), '1002');
	await page.goto(`${server.url}/admin/teams`);
	await fill(page, 'team:new', { id: 'nasional', name: 'Tiruan' });
	const newTeam = page.getByTestId('team:new');
	await expect(newTeam.getByRole('alert')).toBeVisible();
	await expect(newTeam.locator('input[name="id"]')).toHaveAttribute('aria-invalid', 'true');
	await expect(newTeam.locator('input[name="id"]')).toHaveValue('nasional');
	await expect(newTeam.locator('input[name="name"]')).toHaveValue('Tiruan');
	await expect(page.getByRole('status')).toHaveCount(0);

	await page.goto(`${server.url}/admin/teams?lang=en`);
	await fill(page, 'agent:new', { id: '1002', name: 'Tiruan' });
	await expect(page.getByTestId('agent:new').getByRole('alert')).toHaveText(
		'id: agent id "1002" is already in use'
	);
	expect(byId(await api('/api/v1/teams'), 'nasional')).toEqual(team);
	expect(byId(await api('/api/v1/agents'), '1002')).toEqual(agent);

	await fill(page, 'team:nasional', { name: 'Tim Layanan Nasional (pusat)' });
	await expect(page.getByTestId('team:nasional').getByRole('status')).toBeVisible();
	expect(byId(await api('/api/v1/teams'), 'nasional')).toEqual({
		...team,
		name: 'Tim Layanan Nasional (pusat)'
	});
});

test('a new SLA policy with the id "default" is refused; the default policy is unchanged', async ({
	page
}) => {
	const before = byId(await api('/api/v1/admin/sla-policies'), 'default');
	await page.goto(`${server.url}/admin/sla?lang=en`);
	await fill(page, 'policy-new', {
		id: 'default',
		name: 'Tiruan',
		firstResponseMinutes: '5',
		resolutionMinutes: '10'
	});
	await expect(page.getByTestId('policy-new').getByRole('alert')).toHaveText(
		'id: SLA policy id "default" is already in use'
	);
	await expect(page.getByTestId('policy-new').locator('input[name="name"]')).toHaveValue('Tiruan');
	expect(byId(await api('/api/v1/admin/sla-policies'), 'default')).toEqual(before);
});
