/**
 * A production Sigap server for an e2e spec or the benchmark: its own embedded database folder, an ingest
 * key made with the real CLI, `node src/server.js` on a free port. `stop()` kills it, so a
 * spec can watch the wall notice that the server went away.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { E2E_ADMIN, e2eAccess, type E2eAccess } from './e2e-access';

export interface E2eServer {
	url: string;
	key: string;
	/** Sign-in helpers (issue 5): an administrator made with the CLI before start. */
	access: E2eAccess;
	/** Signs a Playwright browser context in as the administrator (its session cookie). */
	signIn(
		context: { addCookies(cookies: { name: string; value: string; url: string }[]): Promise<void> },
		cookie?: string
	): Promise<void>;
	stop(): Promise<void>;
	post(events: unknown[]): Promise<unknown>;
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as net.AddressInfo;
			probe.close(() => resolve(port));
		});
		probe.on('error', reject);
	});
}

async function waitHealthy(url: string, child: ChildProcess): Promise<void> {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
		try {
			if ((await fetch(`${url}/healthz`)).ok) return;
		} catch {
			/* not yet listening */
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error('server did not become healthy');
}

/** Starts `node src/server.js` (build first); `extraEnv` may set DATABASE_URL for PostgreSQL. */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<E2eServer> {
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sigap-server-'));
	const env = { ...process.env, SIGAP_DATA_DIR: dataDir, ...extraEnv };
	const created = spawnSync(
		process.execPath,
		['src/cli/sigap.js', 'key', 'create', '--source', 'e2e'],
		{ env, encoding: 'utf8' }
	);
	if (created.status !== 0) throw new Error(`key create failed: ${created.stderr}`);
	const key = created.stdout.trim();
	const admin = spawnSync(
		process.execPath,
		['src/cli/sigap.js', 'user', 'create', '--role', 'admin', '--email', E2E_ADMIN.email],
		{ env, encoding: 'utf8', input: `${E2E_ADMIN.password}\n` }
	);
	if (admin.status !== 0) throw new Error(`user create failed: ${admin.stderr}`);
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	// adapter-node assumes https unless told the origin; form posts (actions) need it for the
	// CSRF origin check.
	const child = spawn(process.execPath, ['src/server.js'], {
		env: { ORIGIN: url, ...env, PORT: String(port), HOST: '127.0.0.1' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	await waitHealthy(url, child);
	const access = await e2eAccess(url);
	return {
		url,
		key,
		access,
		signIn: async (context, cookie = access.adminCookie) => {
			const [name, ...value] = cookie.split('=');
			await context.addCookies([{ name: name!, value: value.join('='), url }]);
		},
		post: async (events) => {
			const response = await fetch(`${url}/api/v1/events`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
				body: JSON.stringify({ events })
			});
			return response.json();
		},
		stop: async () => {
			if (child.exitCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await exited;
			}
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
