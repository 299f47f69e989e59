/** Posts wire events to a Sigap server's ingest API in batches (shared by demo and bench). */
import { MAX_EVENTS_PER_BATCH, type IngestResponse, type WireEvent } from '../../lib/contracts/ingest';

export async function postEvents(url: string, key: string, events: WireEvent[]): Promise<IngestResponse[]> {
	const answers: IngestResponse[] = [];
	for (let i = 0; i < events.length; i += MAX_EVENTS_PER_BATCH) {
		const response = await fetch(`${url}/api/v1/events`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
			body: JSON.stringify({ events: events.slice(i, i + MAX_EVENTS_PER_BATCH) })
		});
		const body = (await response.json()) as IngestResponse & { error?: { message: string } };
		if (!response.ok) throw new Error(`ingest answered ${response.status}: ${body.error?.message}`);
		answers.push(body);
	}
	return answers;
}
