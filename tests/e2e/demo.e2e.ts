/**
 * The README's first command, as a newcomer runs it: `npm run demo` on a fresh data folder
 * (here with `--no-build`: this layer runs after the build). It must come up, post live
 * traffic, and its printed demo accounts must sign in and see what their role allows; the
 * printed display URL must open the Kalimantan Barat wall with no sign-in. (A fresh folder
 * once crashed the demo before the server started: the accounts linked agents not yet seeded.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../src/cli/demo/accounts';
import { freePort } from '../support/server-process';
import { until } from '../support/until';

let demo: ChildProcess;
let output = '';
let url = '';
let dataDir = '';

test.beforeAll(async () => {
	test.setTimeout(120_000);
	dataDir = mkdtempSync(path.join(os.tmpdir(), 'sigap-demo-'));
	const port = await freePort();
	url = `http://127.0.0.1:${port}`;
	demo = spawn(process.execPath, ['--import', 'tsx', 'src/cli/demo.ts', '--no-build'], {
		env: { ...process.env, PORT: String(port), SIGAP_DATA_DIR: dataDir, ORIGIN: url },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	demo.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	demo.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	await until(
		'the demo flowing',
		() => {
			if (demo.exitCode !== null) throw new Error(`demo exited ${demo.exitCode}:\n${output}`);
			return output.includes('live traffic flowing');
		},
		90_000
	);
});
test.afterAll(async () => {
	if (demo && demo.exitCode === null) {
		const exited = new Promise((r) => demo.once('exit', r));
		demo.kill('SIGTERM');
		await exited;
	}
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(page: Page, email: string): Promise<void> {
	await page.goto(`${url}/login`);
	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

test('a fresh demo prints its accounts and a wall URL, and its wall is live', async ({ page }) => {
	expect(output).toContain(DEMO_PASSWORD);
	for (const email of ['admin@', 'pimpinan@', 'supervisor@', 'kalbar@', 'petugas@'])
		expect(output).toContain(`${email}sigap.demo`);
	const wallUrl = /a wall display for Kalimantan Barat, no sign-in: (\S+)/.exec(output)?.[1];
	expect(wallUrl).toBeTruthy();
	await page.goto(wallUrl!.replace(/^http:\/\/localhost:\d+/, url));
	await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
	await expect(page.getByTestId('scope')).toContainText('Kalimantan Barat');

	// The Kalimantan Barat team has its demo agents, so a reassignment keeps a case in it.
	await page.context().clearCookies();
	await signIn(page, 'admin@sigap.demo');
	const agents = (await (await page.request.get(`${url}/api/v1/agents`)).json()) as {
		id: string;
		teamIds: string[];
	}[];
	for (const id of ['1002', '1003'])
		expect(agents.find((a) => a.id === id)?.teamIds[0], `agent ${id}`).toBe('kalbar');
});

test('the demo team lead works Kalimantan Barat cases; the agent is offered no wall', async ({
	page
}) => {
	await signIn(page, 'kalbar@sigap.demo');
	await page.goto(`${url}/cases`);
	await expect(page.getByTestId('case-row').first()).toBeVisible({ timeout: 30_000 });
	await page.goto(`${url}/`);
	await expect(page.getByTestId('wall-link')).toBeVisible();

	await page.context().clearCookies();
	await signIn(page, 'petugas@sigap.demo');
	await page.goto(`${url}/`);
	await expect(page.getByTestId('home-pages')).toBeVisible();
	await expect(page.getByTestId('wall-link')).toHaveCount(0);
	expect((await page.goto(`${url}/wall`))!.status()).toBe(403);
});
