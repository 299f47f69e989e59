import { describe, expect, it } from 'vitest';
import type { ContactEvent } from '../events';
import { DEFAULT_THRESHOLDS, type MetricsSettings } from '../metrics/settings';
import { sourceContactOf } from './source-contact';

const settings: MetricsSettings = {
	defaults: DEFAULT_THRESHOLDS,
	queues: {
		'kopdes-lahan': {
			name: 'kopdes-lahan',
			issueType: 'kopdes_lahan',
			thresholds: DEFAULT_THRESHOLDS
		}
	},
	provinces: ['32', '61'],
	issueTypes: ['kopdes_lahan', 'usp_operasional']
};
const T = Date.parse('2026-03-09T09:00:00+07:00');
const entered = (
	over: Partial<Extract<ContactEvent, { type: 'call.entered' }>> = {}
): ContactEvent => ({
	type: 'call.entered',
	callId: 'c1',
	queue: 'kopdes-lahan',
	at: T,
	...over
});

describe('sourceContactOf', () => {
	it('a call: queue issue type, entry province, start at queue entry', () => {
		const events: ContactEvent[] = [
			entered({ province: '61' }),
			{ type: 'call.connected', callId: 'c1', queue: 'kopdes-lahan', agent: '1001', at: T + 30_000 }
		];
		expect(sourceContactOf('call', 'c1', events, settings)).toEqual({
			channel: 'call',
			id: 'c1',
			startedAt: T,
			queues: ['kopdes-lahan'],
			province: '61',
			issueType: 'kopdes_lahan'
		});
	});

	it('a call: the IVR choice wins over the entry and the queue', () => {
		const events: ContactEvent[] = [
			entered({ province: '61' }),
			{
				type: 'call.classified',
				callId: 'c1',
				province: '32',
				issueType: 'usp_operasional',
				at: T + 5_000
			}
		];
		expect(sourceContactOf('call', 'c1', events, settings)).toMatchObject({
			province: '32',
			issueType: 'usp_operasional'
		});
	});

	it('only IVR rows stored: the latest real choice; nothing known is unknown', () => {
		const ivr: ContactEvent = { type: 'call.classified', callId: 'c1', province: '61', at: T };
		expect(sourceContactOf('call', 'c1', [ivr], settings)).toMatchObject({
			startedAt: T,
			queues: [],
			province: '61',
			issueType: 'unknown'
		});
	});

	it('a chat session: place from its start; a contact the events lack is null', () => {
		const started: ContactEvent = {
			type: 'chat.started',
			sessionId: 's1',
			bot: false,
			province: '99',
			issueType: 'usp_operasional',
			at: T
		};
		expect(sourceContactOf('chat', 's1', [started], settings)).toEqual({
			channel: 'chat',
			id: 's1',
			startedAt: T,
			queues: [],
			province: 'unknown',
			issueType: 'usp_operasional'
		});
		expect(sourceContactOf('call', 's1', [started], settings)).toBeNull();
	});
});
