import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { runtime } from '$lib/server/runtime';

/** Build the container once, before the first request (and attach Socket.io to it). */
export const init: ServerInit = async () => {
	await runtime();
};

export const handle: Handle = async ({ event, resolve }) => resolve(event);

/** Unexpected errors: logged with an id, shown generically (no stack traces to clients). */
export const handleError: HandleServerError = ({ error, status }) => {
	const errorId = randomUUID();
	if (status !== 404) console.error(`sigap: error ${errorId}`, error);
	return { message: status === 404 ? 'Not found' : 'Internal error', errorId };
};
