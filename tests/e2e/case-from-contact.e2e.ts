/**
 * A call turned into a case in Chromium WITHOUT JavaScript (issue 3 §1): the contacts drill-down
 * offers "Buat kasus" on the call, the case form comes prefilled from it (channel, province,
 * the queue's issue type, the contact id), the saved case shows the linked call, and the same
 * call offered again points to that case and is refused on save (409, nothing created).
 */
import { expect, test } from '@playwright/test';
import { startServer, type E2eServer } from '../support/server-process';
import { wibDate } from '../../src/lib/domain/time/wib';

let server: E2eServer;
const CALL = 'e2e-call-1';
test.use({ javaScriptEnabled: false });
test.beforeAll(async () => {
	server = await startServer();
	const at = Date.now() - 10 * 60_000;
	const base = { callId: CALL, queue: 'kopdes-lahan' };
	await server.post([
		{ ...base, id: 'e', type: 'call.entered', province: '61', at: new Date(at).toISOString() },
		{
			...base,
			id: 'c',
			type: 'call.connected',
			agent: '1001',
			at: new Date(at + 20_000).toISOString()
		}
	]);
});
test.afterAll(async () => {
	await server?.stop();
});
test.beforeEach(async ({ context }) => {
	await server.signIn(context);
});

test('drill-down → prefilled form → case linked to the call; a second time is refused', async ({
	page
}) => {
	const today = wibDate(Date.now());
	await page.goto(`${server.url}/trends/contacts?from=${today}&to=${today}&channel=call`);
	const row = page.getByTestId('drill-row').filter({ hasText: CALL });
	await row.getByTestId('drill-create-case').click();
	await expect(page).toHaveURL(new RegExp(`/cases/new\\?contact=${CALL}&channel=call`));
	await expect(page.getByTestId('source-contact-facts')).toContainText('Telepon');
	await expect(page.getByTestId('source-contact-facts')).toContainText('kopdes-lahan');
	await expect(page.getByTestId('field-sourceContactId')).toHaveValue(CALL);
	// The language switch keeps the contact the form starts from.
	await expect(page.locator('header a.lang')).toHaveAttribute(
		'href',
		`/cases/new?contact=${CALL}&channel=call&lang=en`
	);
	await expect(page.getByTestId('field-issueType')).toHaveValue('kopdes_lahan');
	await expect(page.locator('select[name="channel"]')).toHaveValue('call');
	await expect(page.locator('select[name="provinceCode"]')).toHaveValue('61');

	await page.getByTestId('field-reporterContact').fill('+62 812-1111-2222');
	await page.getByTestId('field-subject').fill('Sertifikat lahan gerai');
	await page.locator('textarea[name="description"]').fill('Penelepon menanyakan sertifikat.');
	await page.getByTestId('case-submit').click();
	await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
	await expect(page.getByTestId('case-source-contact')).toContainText(`Telepon ${CALL}`);
	await expect(page.getByTestId('history-created')).toContainText(`dari Telepon ${CALL}`);
	const caseUrl = page.url();

	await page.goto(`${server.url}/cases/new?contact=${CALL}&lang=en`);
	await expect(page.getByTestId('source-contact-existing')).toContainText('already case K-');
	await page.getByTestId('field-reporterContact').fill('+62 812-1111-2222');
	await page.getByTestId('field-subject').fill('Again');
	await page.locator('textarea[name="description"]').fill('Double click.');
	await page.getByTestId('case-submit').click();
	await expect(page.getByTestId('error-sourceContactId')).toContainText('is already case');
	await page.getByTestId('source-contact-existing').getByRole('link').click();
	expect(page.url().replace(/\?lang=en$/, '')).toBe(caseUrl);

	// The same refusal on the Indonesian page speaks Indonesian, the typed values kept.
	await page.goto(`${server.url}/cases/new?contact=${CALL}`);
	await page.getByTestId('field-reporterContact').fill('+62 812-1111-2222');
	await page.getByTestId('field-subject').fill('Lagi');
	await page.locator('textarea[name="description"]').fill('Klik dua kali.');
	await page.getByTestId('case-submit').click();
	await expect(page.getByTestId('error-sourceContactId')).toContainText(
		`Panggilan ${CALL} sudah menjadi kasus K-`
	);
	await expect(page.getByTestId('field-subject')).toHaveValue('Lagi');
});
