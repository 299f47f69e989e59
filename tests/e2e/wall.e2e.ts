/**
 * The wall against the built production server in Chromium: it loads live, an event posted
 * to the API changes the right tile and province cell, and when the server goes away the
 * stale notice appears within seconds.
 */
import { expect, test } from '@playwright/test';
import { startServer, type E2eServer } from '../support/server-process';

let server: E2eServer;
test.beforeAll(async () => {
	server = await startServer();
});
test.afterAll(async () => {
	await server?.stop();
});
// The wall needs a signed-in user or a display token (issue 5): the administrator here.
test.beforeEach(async ({ context }) => {
	await server.signIn(context);
});

const iso = (t: number) => new Date(t).toISOString();

test('the wall goes live and reflects a posted call in the tile and the province cell', async ({
	page
}) => {
	await page.goto(`${server.url}/wall`);
	await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live', {
		timeout: 10_000
	});
	await expect(page.getByTestId('tile-callsWaiting').getByTestId('value')).toHaveText('0');
	await expect(page.locator('[data-testid^="province-"]')).toHaveCount(39);

	const now = Date.now();
	await server.post([
		{
			id: 'e2e-1',
			type: 'call.entered',
			callId: 'c-e2e-1',
			queue: 'kopdes-lahan',
			province: '61',
			at: iso(now - 30_000)
		},
		{
			id: 'e2e-2',
			type: 'call.entered',
			callId: 'c-e2e-2',
			queue: 'kopdes-lahan',
			province: '61',
			at: iso(now - 10_000)
		}
	]);
	await expect(page.getByTestId('tile-callsWaiting').getByTestId('value')).toHaveText('2', {
		timeout: 5_000
	});
	const kalbar = page.getByTestId('province-61');
	await expect(kalbar.getByTestId('waiting')).toHaveText('2');
	await expect(page.getByTestId('province-11').getByTestId('waiting')).toHaveText('0');
});

test('a regional wall is a bookmark: the URL filters tiles to one province', async ({ page }) => {
	await page.goto(`${server.url}/wall?province=11`);
	await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live', {
		timeout: 10_000
	});
	await expect(page.getByTestId('tile-callsWaiting').getByTestId('value')).toHaveText('0');
	await page.goto(`${server.url}/wall?province=61`);
	await expect(page.getByTestId('tile-callsWaiting').getByTestId('value')).toHaveText('2', {
		timeout: 5_000
	});
});

test('an invalid filter in the URL is a clear 400, not a blank wall', async ({ page }) => {
	const response = await page.goto(`${server.url}/wall?province=Kalbar`);
	expect(response?.status()).toBe(400);
});

test('the stale notice appears when the server goes away', async ({ page }) => {
	await page.goto(`${server.url}/wall`);
	await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live', {
		timeout: 10_000
	});
	await expect(page.getByTestId('stale-notice')).toHaveCount(0);
	await server.stop();
	await expect(page.getByTestId('stale-notice')).toBeVisible({ timeout: 3_000 });
	await expect(page.getByTestId('connection')).not.toHaveAttribute('data-state', 'live');
});
