/**
 * A team lead's notifications in Chromium against the built server (issue 3 §5): a case of
 * their team breaches while the work queue is open and the header's bell goes from 0 to 1
 * without a reload; /notifications lists it with a link to the case; "mark as read" works with
 * JavaScript off. The team works on the 24/7 calendar, so delivery is at the breach at any hour.
 */
import { expect, test } from '@playwright/test';
import { postForm, signInCookie } from '../support/e2e-access';
import { startServer, type E2eServer } from '../support/server-process';

let server: E2eServer;
test.beforeAll(async () => {
	server = await startServer();
});
test.afterAll(async () => {
	await server?.stop();
});

async function ok(response: Promise<Response>): Promise<void> {
	const r = await response;
	expect(r.status, await r.clone().text()).toBeLessThan(300);
}

test('the bell counts a breach live; /notifications marks it read without JavaScript', async ({
	page,
	browser
}) => {
	test.setTimeout(90_000);
	const { api, adminCookie } = server.access;
	// Agent 1003 leads a round-the-clock team; the team lead signs in as that agent.
	await ok(
		api('PUT', '/api/v1/teams/tim-malam', {
			name: 'Tim Malam',
			leadAgentId: '1003',
			calendarId: '24x7'
		})
	);
	await ok(
		api('PUT', '/api/v1/admin/sla-policies/e2e-notify', {
			name: 'E2E enam detik',
			issueType: 'usp_operasional',
			firstResponseMinutes: 0.1,
			resolutionMinutes: 600,
			calendarId: '24x7'
		})
	);
	const email = 'ketua.malam@e2e.test';
	const password = 'e2e user password';
	const form = {
		email,
		password,
		role: 'team_lead',
		provinces: '61',
		issueTypes: '',
		agentId: '1003'
	};
	expect((await postForm(server.url, adminCookie, '/admin/users?/create', form)).status).toBe(200);
	const lead = await signInCookie(server.url, email, password);
	await server.signIn(page.context(), lead);

	await page.goto(`${server.url}/cases`);
	await expect(page.getByTestId('notification-count')).toHaveText('0');
	// The socket is open before the breach (the bell listens from the page's first paint).
	await expect(page.getByTestId('cases-connection')).toHaveAttribute('data-state', 'live');
	const created = await api('POST', '/api/v1/cases', {
		reporterType: 'member',
		reporterName: 'Rina',
		reporterContact: '+62 812-0000-0000',
		villageCode: '61.01.01.2001',
		issueType: 'usp_operasional',
		channel: 'ticket',
		subject: 'Pinjaman koperasi',
		description: 'Surat anggota.',
		teamId: 'tim-malam'
	});
	expect(created.status).toBe(201);
	const kase = (await created.json()) as { id: string; number: string };
	await expect(page.getByTestId('notification-count')).toHaveText('1', { timeout: 20_000 });

	// Without JavaScript: the list, then the plain form post.
	const noJs = await browser.newContext({ javaScriptEnabled: false });
	await server.signIn(noJs, lead);
	const inbox = await noJs.newPage();
	await inbox.goto(`${server.url}/notifications`);
	const row = inbox.getByTestId('notification-row').first();
	// SvelteKit renders relative links (`./cases/…`) on the server.
	await expect(row.getByRole('link', { name: kase.number })).toHaveAttribute(
		'href',
		new RegExp(`/cases/${kase.id}$`)
	);
	await expect(row).toContainText('Lewat SLA');
	await expect(row).toContainText('Kalimantan Barat');
	await row.getByRole('button', { name: 'Tandai dibaca' }).click();
	await expect(inbox.getByRole('status').first()).toContainText('ditandai dibaca');
	await expect(inbox.getByTestId('notification-row').first()).toContainText('dibaca');
	await expect(inbox.getByTestId('notification-count')).toHaveText('0');
	await inbox.goto(`${server.url}/notifications?lang=en`);
	await expect(inbox.getByRole('heading', { name: 'Notifications' })).toBeVisible();
	await expect(inbox.getByTestId('notification-row').first()).toContainText('SLA breached');

	// The API serves the team lead their own notifications only: another agent's is refused.
	const own = await inbox.request.get(`${server.url}/api/v1/notifications`);
	expect(own.status()).toBe(200);
	expect(((await own.json()) as { caseNumber: string }[]).map((n) => n.caseNumber)).toContain(
		kase.number
	);
	expect((await inbox.request.get(`${server.url}/api/v1/notifications?agent=1001`)).status()).toBe(
		403
	);
	await noJs.close();
});
