/**
 * Splits events into `POST /api/v1/events` batches the server accepts: at most
 * MAX_EVENTS_PER_BATCH events and MAX_BATCH_BYTES of JSON body each (contracts/ingest.ts).
 */
import { MAX_BATCH_BYTES, MAX_EVENTS_PER_BATCH } from '../../contracts/ingest';

/** Room for `{"events":[…]}` and the commas between events. */
const ENVELOPE_BYTES = 64;

export interface BatchLimits {
	maxEvents: number;
	maxBytes: number;
}

export const INGEST_LIMITS: BatchLimits = {
	maxEvents: MAX_EVENTS_PER_BATCH,
	maxBytes: MAX_BATCH_BYTES
};

/**
 * Consecutive batches of `items` (order kept) within both limits; `eventOf` picks the wire
 * event whose JSON is counted. A single event larger than the byte limit gets a batch of its
 * own, for the server to refuse with its own message.
 */
export function splitBatches<T>(
	items: readonly T[],
	eventOf: (item: T) => unknown,
	limits: BatchLimits = INGEST_LIMITS
): T[][] {
	const batches: T[][] = [];
	let current: T[] = [];
	let bytes = ENVELOPE_BYTES;
	for (const item of items) {
		const size = Buffer.byteLength(JSON.stringify(eventOf(item))) + 1;
		if (current.length && (current.length >= limits.maxEvents || bytes + size > limits.maxBytes)) {
			batches.push(current);
			current = [];
			bytes = ENVELOPE_BYTES;
		}
		current.push(item);
		bytes += size;
	}
	if (current.length) batches.push(current);
	return batches;
}
