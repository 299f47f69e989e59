/**
 * One `POST /api/v1/events` batch from the CLI (contracts/ingest.ts), with errors that say
 * what to do: an unreachable server names its URL, a refused batch carries the server's words.
 */
import type { ApiError, IngestResponse, WireEvent } from '../lib/contracts/ingest';
import { problemsText } from '../lib/server/ingest/results';

export interface IngestTarget {
	/** Base URL of the Sigap server, e.g. `http://localhost:3000`. */
	url: string;
	key: string;
}

/** The server could not be reached (`unreachable`) or answered the batch with 4xx/5xx. */
export class IngestRequestError extends Error {
	constructor(
		message: string,
		readonly reason: 'unreachable' | 'refused',
		readonly status?: number
	) {
		super(message);
	}
}

const REQUEST_TIMEOUT_MS = 30_000;

export const eventsUrl = (url: string) => `${url.replace(/\/+$/, '')}/api/v1/events`;

function networkCause(error: unknown): string {
	const cause = (error as { cause?: { code?: string; message?: string } }).cause;
	return cause?.code ?? cause?.message ?? (error as Error).message;
}

async function errorMessage(response: Response): Promise<string> {
	const text = await response.text().catch(() => '');
	try {
		const body = JSON.parse(text) as ApiError;
		const problems = body.error.problems?.length ? `; ${problemsText(body.error.problems)}` : '';
		return `${body.error.message}${problems}`;
	} catch {
		return text.slice(0, 200) || response.statusText;
	}
}

function isIngestResponse(body: unknown, count: number): body is IngestResponse {
	const results = (body as Partial<IngestResponse> | null)?.results;
	return Array.isArray(results) && results.length === count;
}

/** Posts one batch (≤ 1000 events, ≤ 1 MB); resolves with the per-event results. */
export async function sendBatch(
	target: IngestTarget,
	events: WireEvent[],
	signal?: AbortSignal
): Promise<IngestResponse> {
	const url = eventsUrl(target.url);
	const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
	let response: Response;
	try {
		response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${target.key}` },
			body: JSON.stringify({ events }),
			signal: signal ? AbortSignal.any([signal, timeout]) : timeout
		});
	} catch (error) {
		if (signal?.aborted) throw error;
		throw new IngestRequestError(
			`cannot reach the Sigap server at ${url} (${networkCause(error)})`,
			'unreachable'
		);
	}
	if (!response.ok) {
		const message = await errorMessage(response);
		throw new IngestRequestError(
			`${url} answered HTTP ${response.status}: ${message}`,
			'refused',
			response.status
		);
	}
	const body: unknown = await response.json().catch(() => null);
	if (!isIngestResponse(body, events.length)) {
		throw new IngestRequestError(`${url} gave an answer that is not an ingest result`, 'refused');
	}
	return body;
}
