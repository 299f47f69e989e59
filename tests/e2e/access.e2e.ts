/**
 * Sign-in, scope and wall display tokens in Chromium against the built server (issue 5):
 * a team lead of one province signs in on the login page and sees only that province — on
 * the wall, in the work queue and through the API; a display token shows the wall with no
 * sign-in and no personal data, and shows "display revoked" once an administrator revokes
 * it; the login page refuses a wrong password in Bahasa Indonesia; nothing is blocked by the
 * Content Security Policy.
 */
import { expect, test, type Page } from '@playwright/test';
import { startServer, type E2eServer } from '../support/server-process';

let server: E2eServer;
const cases: Record<string, { id: string; number: string }> = {};
const REPORTER = { name: 'Siti Rahmawati', phone: '+62 813-5555-0199' };

test.beforeAll(async () => {
	server = await startServer();
	for (const province of ['61', '32']) {
		const response = await server.access.api('POST', '/api/v1/cases', {
			reporterType: 'member',
			reporterName: REPORTER.name,
			reporterContact: REPORTER.phone,
			provinceCode: province,
			issueType: 'kopdes_lahan',
			channel: 'ticket',
			subject: `Lahan koperasi ${province}`,
			description: 'Surat pengaduan anggota koperasi.',
			receivedAt: new Date(Date.now() - 10 * 86_400_000).toISOString()
		});
		expect(response.status, await response.clone().text()).toBe(201);
		cases[province] = (await response.json()) as { id: string; number: string };
	}
	await server.access.user('team_lead', 'kalbar.lead@e2e.test', { provinces: '61' });
});
test.afterAll(async () => {
	await server?.stop();
});

/** Collects Content-Security-Policy violations the page reports. */
function cspViolations(page: Page): string[] {
	const seen: string[] = [];
	page.on('console', (m) => {
		if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(m.text());
	});
	return seen;
}

test('a team lead of one province signs in and sees only that province', async ({ page }) => {
	const csp = cspViolations(page);
	await page.goto(`${server.url}/cases`);
	await expect(page).toHaveURL(/\/login\?next=%2Fcases/);
	await page.getByLabel('E-mail').fill('kalbar.lead@e2e.test');
	await page.getByLabel('Kata sandi').fill('e2e user password');
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page).toHaveURL(/\/cases$/);
	await expect(
		page.locator(`[data-testid="case-row"][data-case="${cases['61']!.number}"]`)
	).toBeVisible();
	await expect(
		page.locator(`[data-testid="case-row"][data-case="${cases['32']!.number}"]`)
	).toHaveCount(0);

	// The wall without a province is this team lead's own province wall.
	await page.goto(`${server.url}/wall`);
	await expect(page).toHaveURL(/\/wall\?province=61$/);
	await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live', {
		timeout: 10_000
	});
	await expect(page.locator('[data-testid^="province-"]')).toHaveCount(1);
	await expect(page.getByTestId('province-61')).toBeVisible();
	await expect(page.getByTestId('tile-openCases').getByTestId('value')).toHaveText('1');

	// Another province, by page or API: refused.
	expect((await page.goto(`${server.url}/wall?province=32`))?.status()).toBe(403);
	expect((await page.goto(`${server.url}/cases/${cases['32']!.id}`))?.status()).toBe(403);
	const api = await page.request.get(`${server.url}/api/v1/cases/${cases['32']!.id}`);
	expect(api.status()).toBe(403);
	expect((await api.json()).error.code).toBe('forbidden');
	expect((await page.goto(`${server.url}/admin/users`))?.status()).toBe(403);
	expect(csp).toEqual([]);
});

test('a display token shows the wall with no sign-in and no personal data, until revoked', async ({
	browser
}) => {
	const displayUrl = await server.access.displayUrl('Layar Kalbar', '61');
	const tv = await browser.newContext(); // no cookies: nobody signed in
	const page = await tv.newPage();
	const csp = cspViolations(page);
	await page.goto(displayUrl);
	await expect(page).toHaveURL(/\/wall\?province=61$/); // the token left the address bar
	await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live', {
		timeout: 10_000
	});
	await expect(page.getByTestId('tile-openCases').getByTestId('value')).toHaveText('1');
	const text = await page.locator('body').innerText();
	expect(text).not.toContain(REPORTER.name);
	expect(text).not.toContain('5555');
	expect(text).not.toContain(cases['61']!.number); // case numbers are masked on a display
	// The display may not go anywhere else.
	expect((await page.goto(`${server.url}/cases`))?.status()).toBe(403);
	await page.goto(`${server.url}/wall?province=61`);
	await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live', {
		timeout: 10_000
	});

	// An administrator revokes it: the TV says so, without a reload.
	const admin = await browser.newContext();
	await server.signIn(admin);
	const keys = await admin.newPage();
	await keys.goto(`${server.url}/admin/keys`);
	const row = keys.locator('[data-testid^="display-"]', { hasText: 'Layar Kalbar' });
	await row.getByRole('button').click();
	await expect(row).toContainText('dicabut');
	await expect(page.getByTestId('access-notice')).toHaveAttribute('data-kind', 'revoked', {
		timeout: 3_000
	});
	await expect(page.getByTestId('access-notice')).toContainText('Layar ini telah dicabut');
	// And after a reload too.
	await page.reload();
	await expect(page.getByTestId('access-notice')).toHaveAttribute('data-kind', 'revoked');
	expect(csp).toEqual([]);
	await tv.close();
	await admin.close();
});

test('the login page refuses a wrong password, in Bahasa Indonesia and in English', async ({
	page
}) => {
	await page.goto(`${server.url}/login`);
	await page.getByLabel('E-mail').fill('kalbar.lead@e2e.test');
	await page.getByLabel('Kata sandi').fill('not the password');
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page.getByTestId('login-error')).toHaveText('E-mail atau kata sandi salah.');
	await page.goto(`${server.url}/login?lang=en`);
	await page.getByLabel('E-mail').fill('kalbar.lead@e2e.test');
	await page.getByLabel('Password').fill('still not it');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByTestId('login-error')).toHaveText('Wrong e-mail or password.');
	const headers = (await page.request.get(`${server.url}/login`)).headers();
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('same-origin');
});

test('what is typed before the page has hydrated is kept, and the sign-in goes through', async ({
	page
}) => {
	const csp = cspViolations(page);
	// A slow line: the app's JavaScript arrives 1.5 s late, so the person types into the
	// server-rendered form first (this test failed, the e-mail wiped by hydration, before
	// static/keep-typed.js).
	await page.route('**/_app/immutable/**', async (route) => {
		await new Promise((r) => setTimeout(r, 1_500));
		await route.continue();
	});
	await page.goto(`${server.url}/login?next=%2Fcases`, { waitUntil: 'commit' });
	await page.getByLabel('E-mail').fill('kalbar.lead@e2e.test');
	await page.getByLabel('Kata sandi').fill('e2e user password');
	await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true', { timeout: 15_000 });
	await expect(page.getByLabel('E-mail')).toHaveValue('kalbar.lead@e2e.test');
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page).toHaveURL(/\/cases$/);
	expect(csp).toEqual([]);
});

test('a case placed outside the team lead’s provinces is refused on the form: all typed kept, the denial audited', async ({
	page
}) => {
	const cookie = await server.access.user('team_lead', 'kalbar.form@e2e.test', { provinces: '61' });
	await server.signIn(page.context(), cookie);
	await page.goto(`${server.url}/cases/new`);
	// Signed in, the history names the account: the form says so instead of asking for a name.
	await expect(page.getByTestId('recorded-by')).toHaveText('kalbar.form@e2e.test');
	await page.getByTestId('field-reporterContact').fill('+62 812-7777-0001');
	await page.getByTestId('field-issueType').selectOption('kopdes_lahan');
	await page.getByTestId('field-subject').fill('Lahan desa di Jawa Barat');
	await page.locator('textarea[name="description"]').fill('Surat dari Bandung.');
	await page.getByTestId('field-villageCode').fill('32.04.05.2001'); // a village of Jawa Barat
	await page.getByTestId('case-submit').click();
	await expect(page.getByTestId('form-errors')).toContainText(
		'Kasus di provinsi 32 (kopdes_lahan) di luar cakupan Anda.'
	);
	await expect(page.getByTestId('field-subject')).toHaveValue('Lahan desa di Jawa Barat');
	await expect(page.getByTestId('field-villageCode')).toHaveValue('32.04.05.2001');

	const audit = await server.access.api(
		'GET',
		'/admin/audit?action=access.denied&target=/cases/new'
	);
	const html = await audit.text();
	expect(html).toContain('kalbar.form@e2e.test');
	expect(html).toContain('outside your scope');
});

test('a refused new user comes back filled in (not the password), the refusal in Bahasa Indonesia', async ({
	page
}) => {
	await server.signIn(page.context());
	await page.goto(`${server.url}/admin/users`);
	const create = page.locator('form.create');
	await create.locator('input[name="email"]').fill('kalbar.lead@e2e.test'); // already a user
	await create.locator('input[name="name"]').fill('Ketua Tim Kedua');
	await create.locator('input[name="password"]').fill('long enough password');
	await create.locator('select[name="role"]').selectOption('team_lead');
	await create.locator('input[name="provinces"]').fill('61');
	await create.getByRole('button').click();
	await expect(page.getByRole('alert')).toContainText('Pengguna kalbar.lead@e2e.test sudah ada.');
	await expect(create.locator('input[name="email"]')).toHaveValue('kalbar.lead@e2e.test');
	await expect(create.locator('input[name="name"]')).toHaveValue('Ketua Tim Kedua');
	await expect(create.locator('select[name="role"]')).toHaveValue('team_lead');
	await expect(create.locator('input[name="provinces"]')).toHaveValue('61');
	await expect(create.locator('input[name="password"]')).toHaveValue('');
});
