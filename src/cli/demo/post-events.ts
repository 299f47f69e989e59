/** Posts wire events to a Sigap server in as many batches as the ingest limits need. */
import type { IngestResponse, WireEvent } from '../../lib/contracts/ingest';
import { splitBatches } from '../../lib/server/ingest/batches';
import { sendBatch } from '../ingest-client';

export async function postEvents(
	url: string,
	key: string,
	events: WireEvent[]
): Promise<IngestResponse[]> {
	const answers: IngestResponse[] = [];
	for (const batch of splitBatches(events, (e) => e))
		answers.push(await sendBatch({ url, key }, batch));
	return answers;
}
