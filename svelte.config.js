import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		// Issue 5 §7: scripts only from this site (SvelteKit's own inline start-up script gets a
		// nonce), no framing, no plugins; inline styles stay allowed (Svelte style directives and
		// Chart.js size their elements inline). `connect-src 'self'` covers the socket (ws/wss).
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		alias: {
			$domain: 'src/lib/domain',
			$contracts: 'src/lib/contracts'
		}
	}
};

export default config;
