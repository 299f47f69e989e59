import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { accessHandle, type GateDeps } from '$lib/server/http/access-handle';
import { runtime } from '$lib/server/runtime';
import { placeCase } from '$lib/server/services/access/case-scope';

/** Build the container once, before the first request (and attach Socket.io to it). */
export const init: ServerInit = async () => {
	await runtime();
};

let gateDeps: Promise<GateDeps> | null = null;

/**
 * Every request passes the access gate (issue 5): session, display cookie or API token →
 * `locals.principal`; the declared rule of the route (undeclared: refused); scope of the data
 * it names; Origin check for JSON changes; body limit; audit; security headers.
 */
export const handle: Handle = accessHandle(() => {
	gateDeps ??= runtime().then(({ container: c }) => ({
		database: c.database,
		clock: c.clock,
		config: c.config,
		reference: c.reference,
		bus: c.bus,
		placeCase: (id: string) => placeCase(c, id)
	}));
	return gateDeps;
});

/** Unexpected errors: logged with an id, shown generically (no stack traces to clients). */
export const handleError: HandleServerError = ({ error, status }) => {
	const errorId = randomUUID();
	if (status !== 404) console.error(`sigap: error ${errorId}`, error);
	return { message: status === 404 ? 'Not found' : 'Internal error', errorId };
};
