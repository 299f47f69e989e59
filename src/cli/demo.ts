/**
 * `npm run demo`: the production server on the embedded database plus live demo traffic
 * through the real ingest API, so a newcomer sees a living wall within seconds. The last
 * hour is backfilled first (the 60-minute chart is full at once), then traffic flows live.
 * `npm run demo -- --no-build` reuses the last build (a restart, or the e2e test of the demo).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createIngestKey } from '../lib/server/repositories/ingest-key.repository';
import { DemoSimulation, type DemoReference } from './demo/simulation';
import { postEvents } from './demo/post-events';
import { DemoCases, splitCaseEvents } from './demo/post-cases';
import { demoDisplayUrl, demoSession, seedDemoAccounts, seedDemoTeam } from './demo/accounts';
import { withAccess } from './with-access';
import { seedCaseData } from '../lib/server/services/cases/sla-settings';

const port = Number(process.env.PORT ?? 3000);
const url = `http://127.0.0.1:${port}`;

async function waitForHealth(deadline: number): Promise<void> {
	while (Date.now() < deadline) {
		try {
			if ((await fetch(`${url}/healthz`)).ok) return;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 300));
	}
	throw new Error(`the server did not become healthy at ${url}`);
}

/** Builds the app only once the database is ours: a second demo on the same folder must
 * stop at the lock, not rebuild the files a running server is serving from. */
function build(): void {
	const vite = ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'];
	const result = spawnSync(process.execPath, vite, { stdio: 'inherit' });
	if (result.status !== 0) throw new Error('the build failed (see above)');
}

async function main(): Promise<void> {
	const { key, accounts, wallUrl } = await withAccess(async (deps, actor) => {
		// The server seeds agents and teams at start, but it starts later: the demo accounts
		// work as seeded agents (1002, 1003), and a user's agent must exist.
		await seedCaseData(deps.database.db);
		return {
			key: await createIngestKey(deps.database.db, 'demo'),
			accounts: await seedDemoAccounts(deps, actor),
			wallUrl: await demoDisplayUrl(deps, actor, `http://localhost:${port}`)
		};
	});
	if (!process.argv.includes('--no-build')) build();
	const server = spawn(process.execPath, ['src/server.js'], { stdio: 'inherit', env: process.env });
	const stop = () => server.kill('SIGTERM');
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	server.on('exit', (code) => process.exit(code ?? 0));
	await waitForHealth(Date.now() + 120_000);
	const reference = (await (await fetch(`${url}/api/v1/reference`)).json()) as DemoReference;
	const now = Date.now();
	const sim = new DemoSimulation(
		reference,
		now - 3600_000,
		`demo-${randomBytes(4).toString('hex')}`,
		now
	);
	// The demo's cases are made by the demo administrator, signed in like anyone else.
	const session = { cookie: await demoSession(url), origin: url };
	await seedDemoTeam(url, session);
	const cases = new DemoCases(url, session);
	const backfill = sim.advance(now);
	const first = splitCaseEvents(backfill);
	await postEvents(url, key, first.others);
	await cases.post(first.cases);
	console.log(
		`sigap demo: ${backfill.length} events of the last hour posted; live traffic flowing.`
	);
	for (const line of accounts) console.log(line);
	console.log(`sigap demo: sign in at http://localhost:${port}/login   (Ctrl+C stops)`);
	console.log(`sigap demo: a wall display for Kalimantan Barat, no sign-in: ${wallUrl}`);
	const timer = setInterval(() => {
		const next = splitCaseEvents(sim.advance(Date.now()));
		postEvents(url, key, next.others)
			.then(() => cases.post(next.cases))
			.catch((error: Error) => {
				console.error(`sigap demo: ${error.message}`);
			});
	}, 1000);
	server.on('exit', () => clearInterval(timer));
}

main().catch((error: Error) => {
	console.error(`sigap demo: ${error.message}`);
	process.exit(1);
});
