import { describe, expect, it } from 'vitest';
import { rejectedOf } from './reprocess-one';

const started = {
	id: 'wa:wamid.1:started',
	type: 'chat.started',
	sessionId: 'wa:wamid.1',
	at: '2026-03-09T03:00:00Z',
	bot: false
};
const place = { cooperative: 'KDMP-001', area: '6101012001' };

describe('rejectedOf: what a dead letter holds that the validation rejected', () => {
	it.each([
		{
			name: "a webhook's rejected event, with its place",
			payload: JSON.stringify({ rejected: started, place, delivery: '{"object":"x"}' }),
			events: [started],
			places: [[started.id, place]]
		},
		{
			name: 'one wire event (AMI flush, reconciliation)',
			payload: JSON.stringify(started),
			events: [started],
			places: []
		},
		{
			name: 'an array of wire events (the WhatsApp session sweep)',
			payload: JSON.stringify([started, { ...started, id: 'x:ended', type: 'chat.ended' }]),
			events: [started, { ...started, id: 'x:ended', type: 'chat.ended' }],
			places: []
		}
	])('$name', ({ payload, events, places }) => {
		const read = rejectedOf(payload);
		expect(read?.events).toEqual(events);
		expect([...(read?.places ?? [])]).toEqual(places);
	});

	it.each([
		['a WhatsApp delivery', '{"object":"whatsapp_business_account","entry":[]}'],
		['an AMI frame', 'Event: QueueCallerJoin\nQueue: q'],
		['broken JSON', '{"rejected": '],
		['an unknown event type', '{"id":"x","type":"call.teleported"}'],
		['an empty array', '[]']
	])('is not %s', (_, payload) => expect(rejectedOf(payload)).toBeNull());
});
