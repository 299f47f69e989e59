import { container } from '$lib/server/runtime';
import { chatwootReceive, readBodyBytes, toResponse } from '$lib/server/services/webhook-routes';
import type { RequestHandler } from './$types';

/** A Chatwoot webhook delivery (signed with X-Chatwoot-Signature, or `?token=` in the URL). */
export const POST: RequestHandler = async ({ request, url }) =>
	toResponse(
		await chatwootReceive(await container(), request.headers, url, await readBodyBytes(request))
	);
