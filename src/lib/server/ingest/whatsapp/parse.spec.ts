import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWhatsAppWebhook } from './parse';
import { finalStatus, inboundDecision, SESSION_WINDOW_MS, statusRank } from './session';
import type { DeliveryStatus } from './parse';

const samples = (name: string): Record<string, unknown> =>
	JSON.parse(
		readFileSync(
			path.resolve(
				process.cwd(),
				'../shared/data/realworld/webhooks',
				`pywa_whatsapp_cloud_${name}.json`
			),
			'utf8'
		)
	);

describe('readWhatsAppWebhook on the pywa samples', () => {
	const messages = samples('message');

	it('reads the 23 message bodies, every type kept as sent', () => {
		const read = Object.entries(messages).map(
			([key, body]) => [key, readWhatsAppWebhook(body)!] as const
		);
		expect(read).toHaveLength(23);
		const types = Object.fromEntries(read.map(([key, r]) => [key, r.inbound.map((m) => m.type)]));
		expect(types).toEqual({
			text: ['text'],
			image: ['image'],
			media_with_url: ['image'],
			video: ['video'],
			document: ['document'],
			audio: ['audio'],
			voice: ['audio'],
			static_sticker: ['sticker'],
			animated_sticker: ['sticker'],
			reaction: ['reaction'],
			unreaction_empty: ['reaction'],
			unreaction_no_emoji: ['reaction'],
			current_location: ['location'],
			chosen_location: ['location'],
			contacts: ['contacts'],
			order: ['order'],
			unsupported: ['unsupported'],
			unsupported_with_type: ['unsupported'],
			reply: ['text'],
			forwarded: ['text'],
			forwarded_many_times: ['text'],
			interactive_message_with_err: ['interactive'],
			referral: ['text']
		});
		for (const [, r] of read) {
			expect(r.inbound[0]).toMatchObject({ from: '972987654321', phoneNumberId: '1122334455667' });
			expect(r.statuses).toEqual([]);
		}
		expect(read.find(([k]) => k === 'text')![1].inbound[0]!.at).toBe(1697043223_000);
	});

	it('keeps the webhook-level error of interactive_message_with_err for a dead letter', () => {
		const r = readWhatsAppWebhook(messages.interactive_message_with_err)!;
		expect(r.unread).toEqual([
			{
				reason: 'WhatsApp reported an error for this webhook',
				value: expect.objectContaining({ code: 131000 })
			}
		]);
	});

	it('reads the 7 status bodies: statuses, the failed code, a group recipient', () => {
		const statuses = Object.fromEntries(
			Object.entries(samples('message_status')).map(([k, b]) => [
				k,
				readWhatsAppWebhook(b)!.statuses
			])
		);
		expect(
			Object.fromEntries(Object.entries(statuses).map(([k, s]) => [k, s.map((x) => x.status)]))
		).toEqual({
			sent: ['sent'],
			delivered: ['delivered'],
			read: ['read'],
			played: ['played'],
			failed: ['failed'],
			with_tracker: ['sent'],
			group: ['read']
		});
		expect(statuses.failed![0]).toMatchObject({
			errorCode: 130472,
			recipient: '972987654321',
			group: false
		});
		expect(statuses.group![0]).toMatchObject({ group: true, recipient: 'fowefinoewcnw' });
	});

	it('reads system messages as inbound of type system', () => {
		const r = Object.values(samples('system')).map((b) => readWhatsAppWebhook(b)!.inbound[0]!.type);
		expect(r).toEqual(['system', 'system']);
	});
});

describe('readWhatsAppWebhook: what it cannot read is returned, never dropped', () => {
	const change = (value: unknown, field = 'messages') => ({
		object: 'whatsapp_business_account',
		entry: [{ id: '1', changes: [{ field, value }] }]
	});

	it.each([
		[{ object: 'page', entry: [] }, null],
		[[], null]
	])('%j is not a WhatsApp webhook', (body, expected) =>
		expect(readWhatsAppWebhook(body)).toBe(expected)
	);

	it.each([
		[change({ ban_info: {} }, 'account_update'), 'webhook field "account_update" is not handled'],
		[
			change({ messages: [{ id: 'w1', timestamp: '1697043223', type: 'text' }] }),
			'message without id, from or timestamp'
		],
		[
			change({ messages: [{ id: 'w1', from: '62812', timestamp: 'yesterday', type: 'text' }] }),
			'message without id, from or timestamp'
		],
		[
			change({
				statuses: [{ id: 'w1', status: 'deleted', timestamp: '1697043223', recipient_id: '62812' }]
			}),
			'unknown delivery status "deleted"'
		]
	])('%#: %s', (body, reason) => {
		expect(readWhatsAppWebhook(body)!.unread[0]!.reason).toContain(reason);
	});

	it('keeps an unknown message type as it is named', () => {
		const r = readWhatsAppWebhook(
			change({
				messages: [{ id: 'w1', from: '6281234567890', timestamp: '1697043223', type: 'hologram' }]
			})
		)!;
		expect(r.inbound[0]!.type).toBe('hologram');
	});
});

describe('sessions and statuses (ingest/whatsapp/session.ts)', () => {
	const T = 1_700_000_000_000;
	it.each([
		[null, T, { kind: 'start' }],
		[
			{ id: 's', startedAt: T, lastInboundAt: T },
			T + SESSION_WINDOW_MS - 1,
			{ kind: 'continue', lastInboundAt: T + SESSION_WINDOW_MS - 1 }
		],
		[
			{ id: 's', startedAt: T, lastInboundAt: T + 5000 },
			T + 1000,
			{ kind: 'continue', lastInboundAt: T + 5000 }
		],
		[
			{ id: 's', startedAt: T, lastInboundAt: T },
			T + SESSION_WINDOW_MS,
			{ kind: 'end-then-start', endedAt: T + SESSION_WINDOW_MS }
		]
	])('%#: inboundDecision', (open, at, decision) =>
		expect(inboundDecision(open, at)).toEqual(decision)
	);

	it.each<[DeliveryStatus[], DeliveryStatus]>([
		[['read', 'sent', 'delivered'], 'read'],
		[['delivered', 'sent'], 'delivered'],
		[['sent', 'failed'], 'failed'],
		[['delivered', 'failed'], 'delivered'],
		[['played', 'read', 'delivered', 'sent'], 'played']
	])('statuses %j in this order end in %s', (order, final) => {
		expect(finalStatus(order)).toBe(final);
		expect(finalStatus([...order].reverse())).toBe(final);
	});

	it('ranks sent < failed < delivered < read < played', () => {
		const order: DeliveryStatus[] = ['sent', 'failed', 'delivered', 'read', 'played'];
		expect(order.map(statusRank)).toEqual([...order.map(statusRank)].sort((a, b) => a - b));
	});
});
