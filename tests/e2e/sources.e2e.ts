/**
 * Issue 4 §5–6 against the built production server in Chromium: a dead letter counted on
 * /admin/sources, listed with its payload escaped, reprocessed (still failing, with its reason)
 * from the page and from `sigap dead-letters reprocess --url`; a source's quiet limit set on the
 * page; and the wall's "source silent" warning, gone when the source speaks again. The standard
 * calendar is opened round the clock first, so the test runs at any hour.
 */
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { E2E_ADMIN } from '../support/e2e-access';
import { startServer, type E2eServer } from '../support/server-process';

const APP_SECRET = 'e2e-app-secret-123';
let server: E2eServer;

test.beforeAll(async () => {
	server = await startServer({
		SIGAP_WHATSAPP_VERIFY_TOKEN: 'e2e-verify-token',
		SIGAP_WHATSAPP_APP_SECRET: APP_SECRET,
		SIGAP_CONTACT_HASH_SECRET: 'e2e-contact-key-0123456'
	});
	const allDay = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
		weekday,
		start: '00:00',
		end: '24:00'
	}));
	const saved = await server.access.api('PUT', '/api/v1/admin/calendars/standard', {
		name: 'Standar (e2e: sepanjang waktu)',
		timeZone: 'Asia/Jakarta',
		weekly: allDay,
		overrides: [],
		holidays: []
	});
	expect(saved.status).toBe(200);
});
test.afterAll(async () => {
	await server?.stop();
});
test.beforeEach(async ({ context }) => {
	await server.signIn(context);
});

test('a dead letter is counted, listed escaped, and reprocessed from the page and the CLI', async ({
	page
}) => {
	const body = JSON.stringify({ object: 'instagram', note: '<script>window.__x = 1</script>' });
	const signature = `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}`;
	const kept = await fetch(`${server.url}/api/v1/webhooks/whatsapp`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
		body
	});
	expect(kept.status).toBe(202);

	await page.goto(`${server.url}/admin/sources`);
	await expect(page.getByTestId('dead-letter-total')).toContainText('1 dead letter menunggu');
	const whatsapp = page.getByTestId('source-whatsapp');
	await expect(whatsapp.getByTestId('waiting')).toContainText('1 · whatsapp');
	await whatsapp.getByRole('link', { name: '1 · whatsapp' }).click();

	await expect(page).toHaveURL(/\/admin\/dead-letters\?source=whatsapp/);
	const letter = page.getByTestId('dead-letter');
	await expect(letter).toHaveCount(1);
	await expect(letter.locator('pre')).toContainText('<script>window.__x = 1</script>');
	expect(await page.evaluate(() => (window as { __x?: number }).__x)).toBeUndefined();

	await letter.getByRole('button', { name: 'Proses ulang' }).click();
	await expect(page.getByTestId('reprocess-report')).toContainText('0 berhasil, 1 masih gagal');
	await expect(page.getByTestId('dead-letter')).toContainText(
		'not a WhatsApp Business Account webhook'
	);

	const cli = spawnSync(
		process.execPath,
		[
			'src/cli/sigap.js',
			'dead-letters',
			'reprocess',
			'--url',
			server.url,
			'--email',
			E2E_ADMIN.email
		],
		{ encoding: 'utf8', env: { ...process.env, SIGAP_PASSWORD: E2E_ADMIN.password } }
	);
	expect(cli.stderr).toContain('0 reprocessed, 1 still failing');
	expect(cli.stdout).toMatch(/\tstill failing\twhatsapp\t0 stored, 0 duplicate\tnot a WhatsApp/);
	expect(cli.status).toBe(1);
});

test('the wall warns when a source is silent past its quiet limit, and stops when it speaks', async ({
	page
}) => {
	test.setTimeout(150_000);
	// One minute for the e2e source, set on the admin page (the default stays 15).
	await page.goto(`${server.url}/admin/sources?lang=en`);
	const e2e = page.getByTestId('source-e2e');
	await e2e.getByRole('textbox').fill('1');
	await e2e.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toContainText('Saved.');
	await expect(page.getByTestId('source-e2e').getByRole('textbox')).toHaveValue('1');

	await page.goto(`${server.url}/wall`);
	await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live', {
		timeout: 10_000
	});
	// The e2e key has sent nothing since the server started: silent after one business minute.
	const warning = page.getByTestId('source-silence');
	await expect(warning).toContainText(/Sumber data senyap: e2e \d+ mnt/, { timeout: 100_000 });
	const fits = await page.evaluate(
		() =>
			document.documentElement.scrollHeight <= window.innerHeight &&
			document.documentElement.scrollWidth <= window.innerWidth
	);
	expect(fits).toBe(true);

	await server.post([
		{
			id: 'e2e-speaks',
			type: 'call.entered',
			callId: 'c-e2e-speaks',
			queue: 'kopdes-lahan',
			at: new Date().toISOString()
		}
	]);
	await expect(warning).toHaveCount(0, { timeout: 5_000 });
});
