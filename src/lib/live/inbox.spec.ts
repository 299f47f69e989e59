import { describe, expect, it } from 'vitest';
import type { NotificationView } from '$contracts/cases';
import { addNotification } from './inbox';

const note = (id: number, deliverAt: string): NotificationView => ({
	id,
	recipientAgentId: '1001',
	teamId: 'tim-kalbar',
	caseId: `case-${id}`,
	caseNumber: `K-2026-00000${id}`,
	kind: 'sla.breached',
	province: '61',
	issueType: 'usp_operasional',
	target: 'firstResponse',
	breachedAt: '2026-03-07T02:00:00+07:00',
	text: 'Kasus …',
	createdAt: '2026-03-07T02:00:00+07:00',
	deliverAt,
	deliveredAt: deliverAt,
	readAt: null
});

describe('addNotification', () => {
	it('puts the newest delivery first, the higher id first at the same instant', () => {
		const list = [note(1, '2026-03-09T07:30:00+07:00')];
		const out = addNotification(
			addNotification(list, note(3, '2026-03-09T07:30:00+07:00')),
			note(2, '2026-03-09T09:00:00+07:00')
		);
		expect(out.map((n) => n.id)).toEqual([2, 3, 1]);
	});

	it('keeps a notification once when the push repeats what the page loaded', () => {
		const list = [note(1, '2026-03-09T07:30:00+07:00')];
		expect(addNotification(list, note(1, '2026-03-09T07:30:00+07:00'))).toHaveLength(1);
	});
});
