import { json } from '@sveltejs/kit';
import { MAX_BATCH_BYTES } from '$contracts/ingest';
import { container } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** Ingest a batch of contact events (contracts/ingest.ts). */
export const POST: RequestHandler = async ({ request }) => {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > MAX_BATCH_BYTES) {
		return json(
			{
				error: {
					code: 'body_too_large',
					message: `body exceeds ${MAX_BATCH_BYTES} bytes; split the batch`
				}
			},
			{ status: 413 }
		);
	}
	const type = request.headers.get('content-type') ?? '';
	if (!type.includes('application/json')) {
		return json(
			{ error: { code: 'unsupported_media_type', message: 'send Content-Type: application/json' } },
			{ status: 415 }
		);
	}
	const body = await readBounded(request, MAX_BATCH_BYTES);
	if (body === null) {
		return json(
			{
				error: {
					code: 'body_too_large',
					message: `body exceeds ${MAX_BATCH_BYTES} bytes; split the batch`
				}
			},
			{ status: 413 }
		);
	}
	const answer = await (await container()).ingest(request.headers, body);
	return json(answer.body, { status: answer.status });
};

/**
 * Reads the body, keeping at most `limit` bytes (null when there were more). An oversized
 * body is still read to its end (up to the server's BODY_SIZE_LIMIT) rather than cancelled:
 * cancelling resets the connection before the client can read our 413.
 */
async function readBounded(request: Request, limit: number): Promise<string | null> {
	if (!request.body) return '';
	const chunks: Uint8Array[] = [];
	let size = 0;
	for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
		size += chunk.byteLength;
		if (size <= limit) chunks.push(chunk);
	}
	return size > limit ? null : Buffer.concat(chunks).toString('utf8');
}

/** Other methods get the API's JSON error shape, not a plain-text 405. */
export const fallback: RequestHandler = ({ request }) =>
	json(
		{
			error: {
				code: 'method_not_allowed',
				message: `${request.method} is not allowed here; POST a batch of events`
			}
		},
		{ status: 405, headers: { allow: 'POST' } }
	);
