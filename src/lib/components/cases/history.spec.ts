import { describe, it, expect } from 'vitest';
import type { CaseHistoryEntry } from '$contracts/cases';
import { historyLine } from './history';

const entry = (over: Partial<CaseHistoryEntry>): CaseHistoryEntry => ({
	id: 1,
	at: '2026-03-09T09:00:00+07:00',
	actor: 'lead',
	kind: 'status',
	from: null,
	to: null,
	reason: null,
	payload: null,
	...over
});

describe('historyLine', () => {
	it.each([
		{
			e: { kind: 'sla', from: 'at_risk', to: 'breached', payload: { target: 'firstResponse' } },
			lang: 'id',
			line: { kind: 'SLA · Respons pertama', from: 'berisiko', to: 'lewat SLA' }
		},
		{
			e: { kind: 'status', from: 'in_progress', to: 'waiting_on_reporter' },
			lang: 'en',
			line: { kind: 'status', from: 'In progress', to: 'Waiting on reporter' }
		},
		{
			e: { kind: 'created', to: 'new' },
			lang: 'id',
			line: { kind: 'dibuat', from: '—', to: 'Baru' }
		},
		{
			e: { kind: 'created', to: 'new', payload: { sourceContact: { channel: 'call', id: 'c-7' } } },
			lang: 'id',
			line: { kind: 'dibuat · dari Telepon c-7', from: '—', to: 'Baru' }
		},
		{
			e: { kind: 'created', to: 'new', payload: { sourceContact: { channel: 'chat', id: 's-1' } } },
			lang: 'en',
			line: { kind: 'created · from Chat s-1', from: '—', to: 'New' }
		},
		{
			e: { kind: 'reassigned', from: 'Tim Nasional', to: 'Tim Kalbar / Ani' },
			lang: 'en',
			line: { kind: 'reassigned', from: 'Tim Nasional', to: 'Tim Kalbar / Ani' }
		}
	] as const)('$e.kind in $lang', ({ e, lang, line }) => {
		expect(historyLine(entry(e as Partial<CaseHistoryEntry>), lang)).toEqual(line);
	});
});
