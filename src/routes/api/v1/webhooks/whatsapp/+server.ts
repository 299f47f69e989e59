import { container } from '$lib/server/runtime';
import {
	readBodyBytes,
	toResponse,
	whatsappReceive,
	whatsappVerify
} from '$lib/server/services/webhook-routes';
import type { RequestHandler } from './$types';

/** Meta's verification handshake (`hub.mode`, `hub.verify_token`, `hub.challenge`). */
export const GET: RequestHandler = async ({ url }) =>
	toResponse(whatsappVerify(await container(), url));

/** A WhatsApp Cloud API delivery, signed with `X-Hub-Signature-256`. */
export const POST: RequestHandler = async ({ request }) =>
	toResponse(
		await whatsappReceive(await container(), request.headers, await readBodyBytes(request))
	);
