#!/usr/bin/env node
/**
 * Production entry: one HTTP server, one port. Express serves health and Prometheus
 * metrics first, then SvelteKit's handler; Socket.io shares the server. The app itself
 * (container, realtime) is built once inside the SvelteKit bundle's `init` hook.
 * The port is taken first, so a busy port fails at once, and requests that arrive while
 * the app starts get a clear 503 instead of waiting on a half-built app.
 */
import express from 'express';
import http from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
// Our routes set tighter limits of their own (ingest: 512,000 bytes) and answer them in
// JSON; adapter-node's default (512K) would reset a chunked body before they could.
process.env.BODY_SIZE_LIMIT ??= '4M';

const app = express();
app.disable('x-powered-by');
const server = http.createServer(app);
globalThis.__sigapIo = new Server(server, {
	perMessageDeflate: false,
	transports: ['websocket', 'polling'],
	serveClient: false,
	// Commands are small; a bigger frame is refused (issue 5 §7 request size limits).
	maxHttpBufferSize: 64 * 1024
});

/** @type {import('express').Handler | null} */
let handler = null;
/** @returns {Promise<import('./lib/server/runtime').SigapRuntime> | undefined} */
const sigap = () => /** @type {any} */ (globalThis).__sigapRuntime;

app.get('/healthz', async (_req, res) => {
	if (!handler) return void res.status(503).json({ ok: false, status: 'starting' });
	const runtime = await sigap()?.catch(() => undefined);
	const health = runtime ? await runtime.health() : { ok: false, status: 'failed' };
	res.status(health.ok ? 200 : 503).json(health);
});

/**
 * Prometheus gauges: loopback only unless SIGAP_METRICS_PUBLIC=1 (issue 5 §7) — a scraper on
 * this host, or behind a proxy that decides itself, reads them; the internet does not.
 */
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
app.get('/metrics', async (req, res) => {
	if (process.env.SIGAP_METRICS_PUBLIC !== '1' && !LOOPBACK.has(req.socket.remoteAddress ?? '')) {
		res
			.status(403)
			.json({ error: { code: 'forbidden', message: '/metrics is served to loopback only' } });
		return;
	}
	const runtime = handler ? await sigap() : undefined;
	res.type('text/plain; version=0.0.4').send(runtime ? runtime.prometheus() : '');
});

// The ingest API speaks JSON only; answer that in JSON before SvelteKit's form CSRF check
// (which guards text/plain and form bodies) answers in plain text.
app.post('/api/v1/events', (req, res, next) => {
	if (req.is('application/json')) return next();
	res.status(415).json({
		error: { code: 'unsupported_media_type', message: 'send Content-Type: application/json' }
	});
});

/*
 * The page's own origin (SvelteKit's CSRF check, the JSON Origin check and the cookies' Secure
 * flag depend on it). adapter-node assumes https unless told; when ORIGIN and PROTOCOL_HEADER
 * are both unset (`npm start`, `npm run demo` on plain HTTP), the protocol is the one this
 * connection really uses, in a header the server sets itself (a client cannot forge it).
 * Behind a TLS-terminating proxy set ORIGIN=https://… (or PROTOCOL_HEADER=x-forwarded-proto).
 */
if (!process.env.ORIGIN && !process.env.PROTOCOL_HEADER) {
	process.env.PROTOCOL_HEADER = 'x-sigap-protocol';
	app.use((req, _res, next) => {
		req.headers['x-sigap-protocol'] = /** @type {any} */ (req.socket).encrypted ? 'https' : 'http';
		next();
	});
}

app.use((req, res, next) => {
	if (handler) return handler(req, res, next);
	res.status(503).set('Retry-After', '5').type('text/plain; charset=utf-8');
	res.send('Sigap sedang dimulai, coba lagi sebentar. / Sigap is starting, try again shortly.');
});

server.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
	const reason =
		error.code === 'EADDRINUSE'
			? `port ${port} is already in use (another Sigap?); set PORT to a free port`
			: error.message;
	console.error(`sigap: cannot start: ${reason}`);
	process.exit(1);
});
let closing = false;
/** @param {string} signal */
async function shutdown(signal) {
	if (closing) return;
	closing = true;
	console.log(`sigap: ${signal}, shutting down`);
	const force = setTimeout(() => process.exit(1), 10_000);
	force.unref();
	globalThis.__sigapIo.close();
	server.close();
	const runtime = await sigap()?.catch(() => undefined);
	await runtime?.close();
	process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await new Promise((resolve) => server.listen(port, host, () => resolve(undefined)));

try {
	const entry = '../build/handler.js'; // built by `vite build`; a variable keeps tsc from resolving it
	({ handler } = await import(entry));
} catch (error) {
	// Startup failures (a locked data directory, bad configuration) are user errors: say so plainly.
	console.error(`sigap: cannot start: ${error instanceof Error ? error.message : error}`);
	process.exit(1);
}
const address = server.address();
const shown = typeof address === 'object' && address ? address.port : port;
console.log(`sigap: listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${shown}`);
