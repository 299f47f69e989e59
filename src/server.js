#!/usr/bin/env node
/**
 * Production entry: one HTTP server, one port. Express serves health and Prometheus
 * metrics first, then SvelteKit's handler; Socket.io shares the server. The app itself
 * (container, realtime) is built once inside the SvelteKit bundle's `init` hook.
 */
import express from 'express';
import http from 'node:http';
import { Server } from 'socket.io';

const app = express();
app.disable('x-powered-by');
const server = http.createServer(app);
globalThis.__sigapIo = new Server(server, {
	perMessageDeflate: false,
	transports: ['websocket', 'polling'],
	serveClient: false
});

/** @returns {Promise<import('./lib/server/runtime').SigapRuntime> | undefined} */
const sigap = () => /** @type {any} */ (globalThis).__sigapRuntime;

app.get('/healthz', async (_req, res) => {
	const runtime = await sigap()?.catch(() => undefined);
	const health = runtime ? await runtime.health() : { ok: false, reason: 'starting' };
	res.status(health.ok ? 200 : 503).json(health);
});

/** @type {import('express').Handler} */
let handler;
try {
	const entry = '../build/handler.js'; // built by `vite build`; a variable keeps tsc from resolving it
	({ handler } = await import(entry));
} catch (error) {
	// Startup failures (a locked data directory, bad configuration) are user errors: say so plainly.
	console.error(`sigap: cannot start: ${error instanceof Error ? error.message : error}`);
	process.exit(1);
}
app.get('/metrics', async (_req, res) => {
	const runtime = await sigap();
	res.type('text/plain; version=0.0.4').send(runtime ? runtime.prometheus() : '');
});
app.use(handler);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
server.listen(port, host, () => {
	const address = server.address();
	const shown = typeof address === 'object' && address ? address.port : port;
	console.log(`sigap: listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${shown}`);
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
