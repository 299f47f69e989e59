import { describe, it, expect } from 'vitest';
import { canonicalAgent } from './agent-id';

describe('canonicalAgent (metrics.md §Calls: one agent under every channel name)', () => {
	it.each([
		['SIP/1001', '1001'],
		['PJSIP/1001', '1001'],
		['IAX2/1001', '1001'],
		['Local/1001@from-queue/n', '1001'],
		['Local/1127@callback-agent', '1127'],
		['Agent/1001', '1001'],
		['agent/1001', '1001'],
		['PJSIP/1001-0000002a', '1001'],
		['SIP/1001-0000001A', '1001'],
		['Local/1001@from-queue-00000012;1', '1001'],
		['Local/1001@from-queue;2', '1001'],
		['  SIP/1001  ', '1001'],
		['1001', '1001'],
		['Budi Santoso', 'Budi Santoso'],
		['PJSIP/budi', 'budi'],
		['DAHDI/1-1', '1-1']
	])('%s → %s', (channel, expected) => {
		expect(canonicalAgent(channel)).toBe(expected);
	});

	it.each([['NONE'], ['none'], [''], ['   ']])('"%s" is no agent', (channel) => {
		expect(canonicalAgent(channel)).toBe('');
	});

	it('keeps different extensions apart', () => {
		expect(canonicalAgent('SIP/1001')).not.toBe(canonicalAgent('SIP/1010'));
	});
});
