/**
 * The webhook endpoints as functions of the container, shared by the SvelteKit routes
 * (`src/routes/api/v1/webhooks/{whatsapp,chatwoot}/+server.ts`) and the integration harness.
 */
import type { Container } from '../container';
import { fail, MAX_WEBHOOK_BYTES, type WebhookAnswer } from './webhook-common';

const notConfigured = (what: string, variables: string) =>
	fail(
		404,
		'not_configured',
		`the ${what} webhook is not configured on this server (set ${variables})`
	);

/** `GET /api/v1/webhooks/whatsapp`: Meta's verification handshake. */
export function whatsappVerify(c: Container, url: URL): WebhookAnswer {
	const whatsapp = c.channels.whatsapp;
	if (!whatsapp)
		return notConfigured('WhatsApp', 'SIGAP_WHATSAPP_VERIFY_TOKEN and SIGAP_WHATSAPP_APP_SECRET');
	return whatsapp.verify(url.searchParams);
}

/** `POST /api/v1/webhooks/whatsapp`: a signed delivery. */
export async function whatsappReceive(
	c: Container,
	headers: Headers,
	body: Uint8Array
): Promise<WebhookAnswer> {
	const whatsapp = c.channels.whatsapp;
	if (!whatsapp)
		return notConfigured('WhatsApp', 'SIGAP_WHATSAPP_VERIFY_TOKEN and SIGAP_WHATSAPP_APP_SECRET');
	return whatsapp.receive(headers, body);
}

/** `POST /api/v1/webhooks/chatwoot[?token=…]`: a signed (or token-carrying) delivery. */
export async function chatwootReceive(
	c: Container,
	headers: Headers,
	url: URL,
	body: Uint8Array
): Promise<WebhookAnswer> {
	const chatwoot = c.channels.chatwoot;
	if (!chatwoot)
		return notConfigured(
			'Chatwoot',
			'SIGAP_CHATWOOT_WEBHOOK_SECRET or SIGAP_CHATWOOT_WEBHOOK_TOKEN'
		);
	return chatwoot.receive(headers, url, body);
}

/**
 * The request body as bytes (signatures cover the raw bytes), read up to one byte past the
 * limit and no further: the use case answers 413 and keeps the head as a dead letter.
 */
export async function readBodyBytes(
	request: Request,
	limit = MAX_WEBHOOK_BYTES
): Promise<Uint8Array> {
	if (!request.body) return new Uint8Array();
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(value);
		size += value.byteLength;
		if (size > limit) {
			await reader.cancel();
			break;
		}
	}
	return Buffer.concat(chunks);
}

/** A use case's answer as an HTTP response (JSON, or text for the verification challenge). */
export function toResponse(answer: WebhookAnswer): Response {
	if (answer.text) {
		return new Response(String(answer.body), {
			status: answer.status,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
	return new Response(JSON.stringify(answer.body), {
		status: answer.status,
		headers: { 'content-type': 'application/json' }
	});
}
