/**
 * The dimensions a contact is counted under (metrics.md §Dimensions): province × issue type ×
 * channel × queue. Dims objects are interned so buckets can key maps by identity.
 */
import { UNKNOWN, type Channel } from '../events';
import type { MetricsFilter } from './figures';
import type { MetricsSettings } from './settings';

/**
 * The queue value of a contact-centre total cell. A call adds to its queue's cell for every
 * queue phase and to the total cell once (by its last ended phase); chats and cases only have
 * total cells. So "no queue filter" reads total cells, and a queue filter reads that queue.
 */
export const TOTAL_QUEUE = '';

export interface Dims {
	readonly key: string;
	readonly province: string;
	readonly issueType: string;
	readonly channel: Channel;
	readonly queue: string;
}

/** Interns dims so each combination is one object (a stable Map key). */
export class DimsTable {
	private readonly table = new Map<string, Dims>();

	get(province: string, issueType: string, channel: Channel, queue: string): Dims {
		const key = `${province}\u0000${issueType}\u0000${channel}\u0000${queue}`;
		let dims = this.table.get(key);
		if (!dims) {
			dims = { key, province, issueType, channel, queue };
			this.table.set(key, dims);
		}
		return dims;
	}
}

/**
 * Maps raw province / issue-type values to the codes counted: missing, empty or (when the
 * settings list codes) unlisted values become `unknown`, so the grid's cells add up to the total.
 */
export class DimensionCodes {
	private readonly provinces: Set<string>;
	private readonly issueTypes: Set<string>;

	constructor(settings: MetricsSettings) {
		this.provinces = new Set(settings.provinces);
		this.issueTypes = new Set(settings.issueTypes);
	}

	province(value: string | null | undefined): string {
		return known(value, this.provinces);
	}

	issueType(value: string | null | undefined): string {
		return known(value, this.issueTypes);
	}
}

function known(value: string | null | undefined, listed: Set<string>): string {
	if (!value) return UNKNOWN;
	return listed.size === 0 || listed.has(value) ? value : UNKNOWN;
}

function given(value: string | null | undefined): value is string {
	return value !== undefined && value !== null && value !== '';
}

/** True when a cell's dims fall inside the filter (absent or empty filter fields match all). */
export function matchesFilter(dims: Dims, filter: MetricsFilter): boolean {
	if (given(filter.province) && dims.province !== filter.province) return false;
	if (given(filter.issueType) && dims.issueType !== filter.issueType) return false;
	if (given(filter.channel) && dims.channel !== filter.channel) return false;
	return given(filter.queue) ? dims.queue === filter.queue : dims.queue === TOTAL_QUEUE;
}
