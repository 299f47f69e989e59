import { json } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** Health inside SvelteKit too, so `npm run dev` answers it like production's /healthz. */
export const GET: RequestHandler = async () => {
	const health = await (await runtime()).health();
	return json(health, { status: health.ok ? 200 : 503 });
};
