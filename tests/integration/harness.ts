/**
 * A real HTTP + Socket.io server on an ephemeral loopback port, over the real container, on
 * in-memory PGlite or on a throw-away PostgreSQL database. Routes mirror the SvelteKit
 * ones by calling the same services (the e2e layer covers the SvelteKit routes themselves).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import postgres from 'postgres';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { loadConfig } from '../../src/lib/server/config';
import { createContainer, type Clock, type Container } from '../../src/lib/server/container';
import { MEMORY, openDatabase } from '../../src/lib/server/db';
import { seedReference } from '../../src/lib/server/repositories/reference.repository';
import { attachRealtime, type SigapServer } from '../../src/lib/server/realtime/attach';
import { createIngestKey } from '../../src/lib/server/repositories/ingest-key.repository';
import { metricsAnswer } from '../../src/lib/server/services/metrics-query';
import {
	chatwootReceive,
	whatsappReceive,
	whatsappVerify
} from '../../src/lib/server/services/webhook-routes';
import { trendsAnswer } from '../../src/lib/server/services/trends/trends.service';
import {
	reprocessAnswer,
	sourcesAnswer
} from '../../src/lib/server/services/sources/sources-routes';
import { trendsExport } from '../../src/lib/server/services/trends/export';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/lib/contracts/socket';
import { casesRoute } from './cases-routes';
import { accessFixture, type SignedIn, type TestScope } from './access-harness';
import type { Role } from '../../src/lib/domain/access/principal';

export type DbKind = 'pglite' | 'postgres';

let template: Promise<Blob> | null = null;
/** A migrated, seeded in-memory PGlite, dumped once (cached in the temp folder, keyed by the
 * migrations and seed data) and cloned per server: initdb and seeding 83,762 villages take
 * seconds, loading the dump a fraction of that. */
export function pgliteTemplate(): Promise<Blob> {
	template ??= (async () => {
		const key = createHash('sha1');
		for (const f of ['drizzle/meta/_journal.json', 'src/lib/server/seed/taxonomy.ts'])
			key.update(readFileSync(f));
		const file = path.join(
			os.tmpdir(),
			`sigap-test-template-${key.digest('hex').slice(0, 12)}.tar`
		);
		if (existsSync(file)) return new Blob([readFileSync(file)]);
		const db = await openDatabase({ kind: 'pglite', dataDir: MEMORY });
		await seedReference(db.db);
		const blob = await db.dump!();
		await db.close();
		writeFileSync(`${file}.${process.pid}`, Buffer.from(await blob.arrayBuffer()));
		renameSync(`${file}.${process.pid}`, file);
		return blob;
	})();
	return template;
}
export const ADMIN_URL =
	process.env.SIGAP_TEST_PG_ADMIN ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh PostgreSQL database for one test file, dropped by the returned function. */
export async function scratchPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
	const name = `sigap_it_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
	const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	await admin.end();
	const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
	return {
		url,
		drop: async () => {
			const a = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
			await a.unsafe(`drop database if exists ${name} with (force)`);
			await a.end();
		}
	};
}

export interface TestServer {
	url: string;
	key: string;
	container: Container;
	post(events: unknown[]): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
	/** A socket; by default signed in as a national administrator (`{ cookie: null }`: nobody). */
	client(options?: ClientOptions): Socket<ServerToClientEvents, ClientToServerEvents>;
	/** Creates a user with this role and scope and signs it in (issue 5). */
	signIn(role: Role, scope?: TestScope): Promise<SignedIn>;
	/** The default administrator's `Cookie` header value. */
	adminCookie: string;
	close(): Promise<void>;
}

export interface ClientOptions {
	/** `Cookie` header for the handshake; null sends none. */
	cookie?: string | null;
	/** A personal API token (`auth.token`). */
	token?: string;
	reconnection?: boolean;
}

function readBytes(req: http.IncomingMessage): Promise<Uint8Array> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/** The webhook routes (issue 4), through the same functions as the SvelteKit routes. */
async function webhookRoute(container: Container, req: http.IncomingMessage, url: URL) {
	const headers = new Headers(req.headers as Record<string, string>);
	if (url.pathname === '/api/v1/webhooks/whatsapp' && req.method === 'GET')
		return whatsappVerify(container, url);
	if (url.pathname === '/api/v1/webhooks/whatsapp' && req.method === 'POST')
		return whatsappReceive(container, headers, await readBytes(req));
	if (url.pathname === '/api/v1/webhooks/chatwoot' && req.method === 'POST')
		return chatwootReceive(container, headers, url, await readBytes(req));
	return null;
}

function readBody(req: http.IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function route(container: Container) {
	return async (req: http.IncomingMessage, res: http.ServerResponse) => {
		const url = new URL(req.url ?? '/', 'http://test');
		let answer: { status: number; body: unknown } = {
			status: 404,
			body: { error: { code: 'not_found' } }
		};
		const webhook = url.pathname.startsWith('/api/v1/webhooks/')
			? await webhookRoute(container, req, url)
			: null;
		if (webhook) {
			const type = webhook.text ? 'text/plain' : 'application/json';
			const text = webhook.text ? String(webhook.body) : JSON.stringify(webhook.body);
			res.writeHead(webhook.status, { 'content-type': type }).end(text);
			return;
		}
		if (req.method === 'POST' && url.pathname === '/api/v1/events') {
			const headers = new Headers(req.headers as Record<string, string>);
			answer = await container.ingest(headers, await readBody(req));
		} else if (req.method === 'GET' && url.pathname === '/api/v1/metrics') {
			answer = await metricsAnswer(container, url.searchParams);
		} else if (req.method === 'GET' && url.pathname === '/api/v1/sources') {
			answer = { status: 200, body: await sourcesAnswer(container) };
		} else if (req.method === 'POST' && url.pathname === '/api/v1/admin/dead-letters/reprocess') {
			answer = await reprocessAnswer(container, await readBody(req));
		} else if (req.method === 'GET' && url.pathname === '/api/v1/trends') {
			answer = await trendsAnswer(container, url.searchParams);
		} else if (req.method === 'GET' && url.pathname === '/trends/export') {
			const file = await trendsExport(container, url.searchParams);
			res.writeHead(file.status, file.headers).end(file.body);
			return;
		} else {
			answer =
				(await casesRoute(container, req.method ?? 'GET', url, await readBody(req))) ?? answer;
		}
		res
			.writeHead(answer.status, { 'content-type': 'application/json' })
			.end(JSON.stringify(answer.body));
	};
}

/** Extra environment (e.g. SIGAP_AMI_*, webhook secrets) and channel tuning for one server. */
export interface TestServerOptions {
	env?: Record<string, string>;
	/** Socket.io connection-state recovery on the server (issue 5 revocation tests). */
	recovery?: boolean;
	tuning?: Parameters<typeof createContainer>[3];
}

export async function startTestServer(
	kind: DbKind,
	clock?: Clock,
	options: TestServerOptions = {}
): Promise<TestServer> {
	const scratch = kind === 'postgres' ? await scratchPostgres() : null;
	const config = loadConfig({
		...(scratch ? { DATABASE_URL: scratch.url } : {}),
		SIGAP_DATA_DIR: '/nonexistent',
		...options.env
	});
	if (!scratch) config.database = { kind: 'pglite', dataDir: MEMORY };
	const container = await createContainer(
		config,
		clock,
		scratch ? undefined : await pgliteTemplate(),
		options.tuning
	);
	const key = await createIngestKey(container.database.db, 'test');
	const server = http.createServer(route(container));
	const signInAs = accessFixture(container);
	const admin = await signInAs('admin');
	const io: SigapServer = new Server(server, {
		perMessageDeflate: false,
		...(options.recovery
			? { connectionStateRecovery: { maxDisconnectionDuration: 30_000, skipMiddlewares: true } }
			: {})
	});
	const realtime = attachRealtime(io, container);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const sockets: Socket[] = [];
	return {
		url,
		key,
		container,
		post: async (events) => {
			const response = await fetch(`${url}/api/v1/events`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
				body: JSON.stringify({ events })
			});
			return { status: response.status, body: await response.json() };
		},
		signIn: signInAs,
		adminCookie: admin.cookie,
		client: (o = {}) => {
			const cookie = o.cookie === undefined ? admin.cookie : o.cookie;
			const socket = connect(url, {
				transports: ['websocket'],
				forceNew: true,
				reconnection: o.reconnection ?? false,
				...(cookie ? { extraHeaders: { cookie } } : {}),
				...(o.token ? { auth: { token: o.token } } : {})
			});
			sockets.push(socket);
			return socket;
		},
		close: async () => {
			for (const s of sockets) s.disconnect();
			realtime.close();
			await new Promise<void>((resolve) => io.close(() => resolve()));
			await container.close();
			await scratch?.drop();
		}
	};
}
