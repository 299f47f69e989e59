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

/** Reads the body, giving up (null) past `limit` bytes instead of buffering it all. */
async function readBounded(request: Request, limit: number): Promise<string | null> {
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			await reader.cancel();
			return null;
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks).toString('utf8');
}
