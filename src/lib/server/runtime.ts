/**
 * The one container of this process. SvelteKit's `init` hook builds it; routes await it.
 * It sits on globalThis because the production entry (server.js) and Vite's dev server
 * hand `io` over that way and read health and shutdown from it (STACK.md "one process").
 */
import type { Server } from 'socket.io';
import { loadConfig } from './config';
import { createContainer, type Container } from './container';
import { prometheusText } from './prometheus';
import { attachRealtime, type Realtime, type SigapServer } from './realtime/attach';

export interface SigapRuntime {
	container: Container;
	realtime: Realtime | null;
	health(): Promise<{ ok: boolean; database: string; uptimeSeconds: number }>;
	/** Prometheus text exposition for `/metrics`. */
	prometheus(): string;
	close(): Promise<void>;
}

type Globals = { __sigapIo?: Server; __sigapRuntime?: Promise<SigapRuntime> };
const g = globalThis as Globals;

async function start(): Promise<SigapRuntime> {
	const config = loadConfig();
	const container = await createContainer(config);
	const realtime = g.__sigapIo ? attachRealtime(g.__sigapIo as SigapServer, container) : null;
	const started = Date.now();
	console.log(`sigap: ready on ${container.database.describe}`);
	return {
		container,
		realtime,
		health: async () => {
			try {
				await container.database.ping();
				return {
					ok: true,
					database: container.database.kind,
					uptimeSeconds: Math.round((Date.now() - started) / 1000)
				};
			} catch {
				return {
					ok: false,
					database: container.database.kind,
					uptimeSeconds: Math.round((Date.now() - started) / 1000)
				};
			}
		},
		prometheus: () => prometheusText(container, g.__sigapIo ?? null),
		close: async () => {
			realtime?.close();
			await container.close();
		}
	};
}

export function runtime(): Promise<SigapRuntime> {
	g.__sigapRuntime ??= start();
	return g.__sigapRuntime;
}

export async function container(): Promise<Container> {
	return (await runtime()).container;
}
