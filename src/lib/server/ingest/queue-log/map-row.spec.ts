import { describe, it, expect } from 'vitest';
import { parseQueueLogLine } from './parse';

const T = 1_774_348_200; // 2026-03-24T10:30:00Z
const AT = '2026-03-24T10:30:00.000Z';
const line = (rest: string) => `${T}|1774348190.12|antrian-kopdes|${rest}`;

/** Native rows (Asterisk doc "Queue Logs" parameter order) and the event each must give. */
const ROWS: [string, Record<string, unknown>][] = [
	[
		line('NONE|ENTERQUEUE||081234567890|1'),
		{
			type: 'call.entered',
			callId: '1774348190.12',
			queue: 'antrian-kopdes',
			caller: '081234567890'
		}
	],
	[line('NONE|ENTERQUEUE||'), { type: 'call.entered', queue: 'antrian-kopdes' }],
	[
		line('PJSIP/1001|CONNECT|14|1774348204.15|3'),
		{ type: 'call.connected', agent: '1001', waitSeconds: 14, ringSeconds: 3 }
	],
	[
		line('Local/1001@from-queue/n|COMPLETEAGENT|14|230|1'),
		{ type: 'call.completed', agent: '1001', by: 'agent', waitSeconds: 14, talkSeconds: 230 }
	],
	[
		line('SIP/1002|COMPLETECALLER|9|61|2'),
		{ type: 'call.completed', agent: '1002', by: 'caller', waitSeconds: 9, talkSeconds: 61 }
	],
	[line('NONE|ABANDON|3|4|27'), { type: 'call.abandoned', position: 3, waitSeconds: 27 }],
	[
		line('NONE|EXITWITHTIMEOUT|1|2|300'),
		{ type: 'call.exited', reason: 'timeout', waitSeconds: 300 }
	],
	[line('NONE|EXITEMPTY|1|1|12'), { type: 'call.exited', reason: 'empty', waitSeconds: 12 }],
	[line('NONE|EXITWITHKEY|5|1|1|40'), { type: 'call.exited', reason: 'key', waitSeconds: 40 }],
	[line('NONE|FULL'), { type: 'call.exited', reason: 'full' }],
	[line('NONE|JOINEMPTY'), { type: 'call.exited', reason: 'joinempty' }],
	[line('NONE|CLOSED'), { type: 'call.exited', reason: 'closed' }],
	[
		line('SIP/1001|BLINDTRANSFER|2001|from-internal|8|95|1'),
		{ type: 'call.transferred', agent: '1001', target: '2001', waitSeconds: 8, talkSeconds: 95 }
	],
	[
		line('SIP/1001|TRANSFER|2001|from-internal|8|95'),
		{ type: 'call.transferred', target: '2001', waitSeconds: 8, talkSeconds: 95 }
	],
	[
		line('SIP/1001|ATTENDEDTRANSFER|BRIDGE|a1b2c3|8|95|1'),
		{ type: 'call.transferred', agent: '1001', waitSeconds: 8, talkSeconds: 95 }
	],
	[
		line('SIP/1001|ATTENDEDTRANSFER|APP|Dial|PJSIP/2001|7|42|1'),
		{ type: 'call.transferred', waitSeconds: 7, talkSeconds: 42 }
	],
	[
		line('Agent/1001|AGENTLOGIN|SIP/1001'),
		{ type: 'agent.logged_in', agent: '1001', queue: 'antrian-kopdes' }
	],
	[
		`${T}|NONE|NONE|Agent/1127|AGENTCALLBACKLOGIN|1127@default`,
		{ type: 'agent.logged_in', agent: '1127' }
	],
	[line('PJSIP/1003|ADDMEMBER'), { type: 'agent.logged_in', agent: '1003' }],
	[line('Agent/1001|AGENTLOGOFF|SIP/1001|3600'), { type: 'agent.logged_out', agent: '1001' }],
	[
		line('Agent/1001|AGENTCALLBACKLOGOFF|1001@default|3600|Autologoff'),
		{ type: 'agent.logged_out' }
	],
	[line('PJSIP/1003|REMOVEMEMBER'), { type: 'agent.logged_out', agent: '1003' }],
	[
		line('PJSIP/1003|PAUSE|Istirahat makan'),
		{ type: 'agent.paused', agent: '1003', reason: 'Istirahat makan' }
	],
	[`${T}|NONE|NONE|PJSIP/1003|PAUSEALL|Lunch`, { type: 'agent.paused', reason: 'Lunch' }],
	[line('PJSIP/1003|UNPAUSE'), { type: 'agent.unpaused', agent: '1003', queue: 'antrian-kopdes' }],
	[`${T}|NONE|NONE|PJSIP/1003|UNPAUSEALL`, { type: 'agent.unpaused', agent: '1003' }],
	[
		line('NONE|SIGAP_IVR|61|kopdes_lahan'),
		{ type: 'call.classified', callId: '1774348190.12', province: '61', issueType: 'kopdes_lahan' }
	],
	[line('NONE|SIGAP_IVR|unknown|'), { type: 'call.classified', province: 'unknown' }],
	[
		line('SIP/1001|RINGNOANSWER|15000'),
		{ type: 'pbx.other', event: 'RINGNOANSWER', agent: '1001', data: ['15000'] }
	],
	[`${T}|NONE|NONE|NONE|CONFIGRELOAD`, { type: 'pbx.other', event: 'CONFIGRELOAD' }],
	[line('Agent/1127|OUTDIAL|881142'), { type: 'pbx.other', event: 'OUTDIAL' }],
	[
		line('SIP/1001|X-VENDOR-HOLD|1|2'),
		{ type: 'pbx.other', event: 'X-VENDOR-HOLD', data: ['1', '2'] }
	]
];

describe('queue_log row meaning (metrics.md §Calls)', () => {
	it.each(ROWS)('%s', (text, expected) => {
		const result = parseQueueLogLine(text, { format: 'native' });
		expect(result.kind).toBe('event');
		if (result.kind !== 'event') return;
		expect(result.event).toMatchObject({ at: AT, ...expected });
		expect(result.ignored).toBe(expected.type === 'pbx.other');
	});

	it('omits what the row does not carry, and NONE queues', () => {
		const result = parseQueueLogLine(`${T}|NONE|NONE|NONE|CONFIGRELOAD`, { format: 'native' });
		expect(result).toEqual({
			kind: 'event',
			ignored: true,
			event: {
				id: expect.stringMatching(/^ql:[0-9a-f]{40}$/),
				at: AT,
				type: 'pbx.other',
				event: 'CONFIGRELOAD'
			}
		});
	});

	it.each([
		[line('NONE|COMPLETEAGENT|14'), 'COMPLETEAGENT has no talk time'],
		[
			line('SIP/1001|COMPLETECALLER|14|abc|1'),
			'COMPLETECALLER talk time "abc" is not a whole number'
		],
		[line('NONE|CONNECT|14|x|3'), 'CONNECT has no agent'],
		[line('SIP/1001|CONNECT|-4|x|3'), 'CONNECT hold time "-4" is not a whole number'],
		[`${T}|NONE|q1|NONE|ENTERQUEUE||0812`, 'ENTERQUEUE has no call id'],
		[`${T}|1774348190.12|NONE|NONE|ABANDON|1|1|3`, 'ABANDON has no queue'],
		[line('NONE|PAUSE|Lunch'), 'PAUSE has no agent'],
		[
			line('NONE|SIGAP_IVR|Kalbar|kopdes_lahan'),
			'SIGAP_IVR: province must be a two-digit BPS province code'
		],
		[line('NONE|SIGAP_IVR|61|Kopdes Lahan'), 'SIGAP_IVR: issueType must be an issue-type code'],
		[line('NONE|ENTERQUEUE||' + '9'.repeat(70)), 'ENTERQUEUE: caller']
	])('%s is a problem: %s', (text, message) => {
		const result = parseQueueLogLine(text, { format: 'native' });
		expect(result.kind).toBe('problem');
		if (result.kind === 'problem') expect(result.message).toContain(message);
	});
});
