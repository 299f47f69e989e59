/**
 * Leadership trends in Chromium against the built production server (issue 6): open trends
 * for 30 days, switch the grouping, drill into one province cell (the contacts listed are as
 * many as the cell says), and export the ranking as CSV (its header and one row per province).
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { startServer, type E2eServer } from '../support/server-process';
import { postHistory } from '../support/post-history';
import { parseCsv } from '../../src/lib/domain/export/csv';

let server: E2eServer;
const DAY = 86_400_000;

test.beforeAll(async () => {
	server = await startServer();
	const now = Date.now();
	const today = Math.floor((now + 7 * 3_600_000) / DAY) * DAY - 7 * 3_600_000;
	await postHistory(server, { from: today - 29 * DAY, days: 30, contactsPerDay: 30, until: now });
});
test.afterAll(async () => {
	await server?.stop();
});
test.beforeEach(async ({ context }) => {
	await server.signIn(context);
});

test('30 days of trends: grouping, a province drill-down and the CSV export', async ({ page }) => {
	await page.goto(`${server.url}/trends?range=d30`);
	await expect(page.getByTestId('range-d30')).toHaveAttribute('aria-current', 'page');
	await expect(page.getByTestId('period')).toContainText('Periode');
	await expect(page.locator('[data-testid^="grid-"]')).toHaveCount(39);

	await page.getByTestId('groupby-issueType').click();
	await expect(page).toHaveURL(/groupBy=issueType/);
	await expect(page.getByTestId('table-breakdown').locator('tbody tr')).toHaveCount(10);
	await expect(page.locator('[data-testid^="grid-"]')).toHaveCount(0);

	await page.getByTestId('groupby-province').click();
	await expect(page).toHaveURL(/groupBy=province/);
	const cell = page.getByTestId('grid-32');
	const count = Number((await cell.locator('.value').innerText()).replace(/\./g, ''));
	expect(count).toBeGreaterThan(0);
	await cell.click();
	await expect(page).toHaveURL(/\/trends\/contacts\?.*province=32/);
	await expect(page.getByTestId('drill-row')).toHaveCount(Math.min(count, 500));

	await page.goBack();
	await expect(page.getByTestId('grid-32')).toBeVisible();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('csv-breakdown').click()
	]);
	expect(download.suggestedFilename()).toMatch(
		/^sigap-breakdown-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/
	);
	const rows = parseCsv(readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, ''));
	expect(rows[0]).toEqual([
		'Peringkat',
		'Kode',
		'Provinsi',
		'Total kontak',
		'Periode sebelumnya',
		'Perubahan',
		'Perubahan (%)',
		'Jumlah desa'
	]);
	expect(rows).toHaveLength(1 + 39);
	const jabar = rows.find((r) => r[1] === '32')!;
	expect(Number(jabar[3])).toBe(count);
});
