import { describe, expect, it } from 'vitest';
import { SourceLedger } from './ledger';

const T0 = Date.parse('2026-03-09T10:00:00+07:00');
const M = 60_000;

describe('SourceLedger', () => {
	it('counts arrivals and dead letters per source and keeps the latest instants', () => {
		const ledger = new SourceLedger();
		ledger.arrived('pbx', T0 - 2 * M, 3);
		ledger.arrived('pbx', T0 - 5 * M, 1); // late, out of order
		ledger.deadLetter('ami:pbx', T0 - M);
		ledger.arrived('whatsapp', T0);
		const pbx = ledger.track('pbx');
		expect(pbx.events.sum(T0, 15)).toBe(4);
		expect(pbx.lastEventAt).toBe(T0 - 2 * M);
		expect(ledger.track('ami:pbx').lastDeadLetterAt).toBe(T0 - M);
		expect(ledger.names().sort()).toEqual(['ami:pbx', 'pbx', 'whatsapp']);
	});

	it('takes a last event older than the rings without counting it in the rates', () => {
		const ledger = new SourceLedger();
		ledger.lastSeen('chatwoot', T0 - 3 * 3600_000);
		expect(ledger.track('chatwoot')).toMatchObject({ lastEventAt: T0 - 3 * 3600_000 });
		expect(ledger.track('chatwoot').events.sum(T0, 60)).toBe(0);
	});

	it('makes an empty track for a source never seen, and knows it was asked', () => {
		const ledger = new SourceLedger();
		expect(ledger.has('fax')).toBe(false);
		expect(ledger.track('fax')).toMatchObject({ lastEventAt: null, lastDeadLetterAt: null });
		expect(ledger.has('fax')).toBe(true);
	});
});
