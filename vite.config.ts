import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { Server } from 'socket.io';
import type { Plugin } from 'vite';

/**
 * In `npm run dev`, Socket.io shares Vite's HTTP server (one port, as in production).
 * The `io` instance is handed to the SvelteKit bundle through a global read in hooks.server.ts.
 */
function realtimeDevPlugin(): Plugin {
	return {
		name: 'sigap-realtime-dev',
		configureServer(server) {
			if (!server.httpServer) return;
			const g = globalThis as { __sigapIo?: Server };
			g.__sigapIo ??= new Server(server.httpServer, {
				destroyUpgrade: false,
				perMessageDeflate: false,
				transports: ['websocket', 'polling']
			});
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), realtimeDevPlugin()],
	server: { port: 3000, strictPort: true },
	// SvelteKit's adapter runs in closeBundle; rolldown's slow-plugin notice about it is noise.
	build: { rolldownOptions: { checks: { bundlerTimings: false } } },
	test: {
		include: ['src/**/*.spec.ts', 'tests/unit/**/*.spec.ts', 'tests/integration/**/*.spec.ts'],
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 60_000,
		fileParallelism: false
	}
});
