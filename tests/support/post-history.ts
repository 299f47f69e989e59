/**
 * Posts a generated history (trend-history.ts) to a running server through the ingest API, in
 * batches, and says how many events were accepted.
 */
import type { ContactEvent } from '../../src/lib/domain/events';
import { generateHistory, toWireEvents, type HistoryOptions } from './trend-history';

export async function postHistory(
	server: { url: string; key: string },
	options: HistoryOptions,
	batchSize = 950
): Promise<number> {
	let batch: ContactEvent[][] = [];
	let size = 0;
	let accepted = 0;
	const send = async () => {
		if (!batch.length) return;
		const events = batch.flatMap((contact) => toWireEvents(contact));
		const res = await fetch(`${server.url}/api/v1/events`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${server.key}` },
			body: JSON.stringify({ events })
		});
		const body = (await res.json()) as {
			accepted?: number;
			rejected?: number;
			results?: unknown[];
		};
		if (!res.ok || body.rejected)
			throw new Error(`ingest refused: ${JSON.stringify(body).slice(0, 500)}`);
		accepted += body.accepted ?? 0;
		batch = [];
		size = 0;
	};
	const contacts: ContactEvent[][] = [];
	generateHistory(options, (events) => contacts.push(events));
	for (const c of contacts) {
		batch.push(c);
		size += c.length;
		if (size + 20 >= batchSize) await send();
	}
	await send();
	return accepted;
}
