import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wireEventSchema, type WireEvent } from '../../../contracts/ingest';
import { AmiProblem } from './fields';
import { FrameReader, parseFrame, type AmiMessage } from './frame';
import { readQueueStatus } from './queue-status';
import { LEAVE_GRACE_MS, QueueTracker } from './queue-tracker';

const T = Date.parse('2026-03-24T02:00:00Z');
const recording = (name: string) =>
	readFileSync(
		path.resolve(process.cwd(), '../shared/data/realworld/asterisk', `panoramisk_ami_${name}.yaml`),
		'utf8'
	);
const messagesOf = (text: string) =>
	new FrameReader().push(`${text}\n\n`).flatMap((r) => (r.kind === 'message' ? [r.message] : []));
/** An AMI message from `Key: Value` lines. */
const ami = (...lines: string[]): AmiMessage => {
	const read = parseFrame(lines.join('\n'));
	if (read.kind !== 'message') throw new Error(read.message);
	return read.message;
};
const stamp = (ms: number) => `Timestamp: ${(ms / 1000).toFixed(6)}`;
const join = (uid: string, at: number, queue = 'kopdes') =>
	ami(
		'Event: QueueCallerJoin',
		`Queue: ${queue}`,
		`Uniqueid: ${uid}`,
		'CallerIDNum: 081234567890',
		'Position: 1',
		stamp(at)
	);
const leave = (uid: string, at: number, queue = 'kopdes') =>
	ami('Event: QueueCallerLeave', `Queue: ${queue}`, `Uniqueid: ${uid}`, stamp(at));
const connect = (uid: string, at: number) =>
	ami(
		'Event: AgentConnect',
		'Queue: kopdes',
		`Uniqueid: ${uid}`,
		'MemberName: PJSIP/1001',
		'Interface: PJSIP/1001',
		'HoldTime: 12',
		'RingTime: 3',
		stamp(at)
	);
const brief = (events: WireEvent[]) =>
	events.map((e) => [
		e.type,
		e.id,
		'agent' in e ? e.agent : undefined,
		'reason' in e ? e.reason : undefined
	]);

describe('QueueTracker on the recorded panoramisk sessions', () => {
	it('agent_loggued_in: a member seen, one added; repeated statuses give nothing', () => {
		const tracker = new QueueTracker();
		const events = messagesOf(recording('agent_loggued_in')).flatMap((m) => tracker.handle(m, T));
		expect(events.map((e) => [e.type, 'agent' in e && e.agent, 'queue' in e && e.queue])).toEqual([
			['agent.logged_in', '401', 'general_queue'],
			['agent.unpaused', '401', 'general_queue'],
			['agent.logged_in', '402', 'general_queue']
		]);
		for (const e of events) expect(wireEventSchema.safeParse(e).success).toBe(true);
	});

	it('agent_not_in_pause: paused, then unpaused by the older QueueMemberPaused event', () => {
		const tracker = new QueueTracker();
		const events = messagesOf(recording('agent_not_in_pause')).flatMap((m) => tracker.handle(m, T));
		expect(events.map((e) => [e.type, 'queue' in e && e.queue])).toEqual([
			['agent.logged_in', 'maisonvoyance-tous'],
			['agent.paused', 'maisonvoyance-tous'],
			['agent.unpaused', 'maisonvoyance-tous'],
			['agent.logged_in', 'xxxxxxxxxxxx-tous'],
			['agent.unpaused', 'xxxxxxxxxxxx-tous']
		]);
	});

	it('originate_with_events: channel traffic without queue events gives none', () => {
		const tracker = new QueueTracker();
		expect(
			messagesOf(recording('originate_with_events')).flatMap((m) => tracker.handle(m, T))
		).toEqual([]);
	});

	it('queue_status: six members logged in, Agent/999 paused; ids with the reconcile instant', () => {
		const snapshot = readQueueStatus(messagesOf(recording('queue_status')));
		expect(snapshot.waiting).toEqual([]);
		expect(snapshot.members.map((m) => [m.agent, m.paused])).toEqual([
			['220', false],
			['213', false],
			['859', false],
			['214', false],
			['333', false],
			['999', true]
		]);
		const events = new QueueTracker().reconcile(
			snapshot,
			{ waiting: [], members: [{ agent: '777', queue: 'xxxxxxxxxxxxxxxx-tous' }] },
			T
		);
		expect(events.filter((e) => e.type === 'agent.logged_in')).toHaveLength(6);
		expect(
			events.filter((e) => e.type === 'agent.paused').map((e) => 'agent' in e && e.agent)
		).toEqual(['999']);
		expect(events.filter((e) => e.type === 'agent.logged_out').map((e) => e.id)).toEqual([
			`agent:777:xxxxxxxxxxxxxxxx-tous:logoff:${T / 1000}`
		]);
	});
});

describe('QueueTracker: calls (ids shared with queue_log, pbx-ids.ts)', () => {
	it('a leave followed by AgentConnect is an answered call, not an exit', () => {
		const t = new QueueTracker();
		const events = [join('1.1', T), leave('1.1', T + 12_000), connect('1.1', T + 12_001)].flatMap(
			(m) => t.handle(m, T + 12_001)
		);
		expect(brief([...events, ...t.flush(T + 60_000)])).toEqual([
			['call.entered', 'call:1.1:kopdes:entered', undefined, undefined],
			['call.connected', 'call:1.1:kopdes:connected', '1001', undefined]
		]);
	});

	it('a leave with nothing after it is an exit once the grace period passed, reason from QUEUESTATUS', () => {
		const t = new QueueTracker();
		t.handle(join('2.1', T), T);
		t.handle(
			ami('Event: VarSet', 'Variable: QUEUESTATUS', 'Value: TIMEOUT', 'Uniqueid: 2.1'),
			T + 30_000
		);
		t.handle(leave('2.1', T + 30_000), T + 30_000);
		expect(t.flush(T + 30_000 + LEAVE_GRACE_MS - 1)).toEqual([]);
		const [exit] = t.flush(T + 30_000 + LEAVE_GRACE_MS);
		expect(exit).toMatchObject({
			type: 'call.exited',
			id: 'call:2.1:kopdes:ended',
			reason: 'timeout',
			waitSeconds: 30,
			at: new Date(T + 30_000).toISOString()
		});
		expect(t.flush(T + 90_000)).toEqual([]);
	});

	it('without QUEUESTATUS the exit reason is unknown, never invented', () => {
		const t = new QueueTracker();
		t.handle(leave('3.1', T), T);
		expect(t.flush(T + LEAVE_GRACE_MS)).toMatchObject([{ reason: 'unknown' }]);
	});

	it.each([
		[
			ami(
				'Event: QueueCallerAbandon',
				'Queue: kopdes',
				'Uniqueid: 4.1',
				'Position: 2',
				'OriginalPosition: 3',
				'HoldTime: 41'
			),
			{ type: 'call.abandoned', waitSeconds: 41, position: 2 }
		],
		[
			ami(
				'Event: AgentComplete',
				'Queue: kopdes',
				'Uniqueid: 4.1',
				'MemberName: Agent/1001',
				'HoldTime: 5',
				'TalkTime: 120',
				'Reason: agent'
			),
			{ type: 'call.completed', by: 'agent', talkSeconds: 120, waitSeconds: 5, agent: '1001' }
		],
		[
			ami(
				'Event: AgentComplete',
				'Queue: kopdes',
				'Uniqueid: 4.1',
				'Member: SIP/1001',
				'Holdtime: 5',
				'Talktime: 120',
				'Reason: transfer'
			),
			{ type: 'call.transferred', talkSeconds: 120, agent: '1001' }
		],
		[
			ami(
				'Event: UserEvent',
				'UserEvent: SIGAP_IVR',
				'Uniqueid: 4.1',
				'Province: 61',
				'IssueType: kopdes_lahan',
				stamp(T)
			),
			{
				type: 'call.classified',
				id: `call:4.1:classified:${T / 1000}`,
				province: '61',
				issueType: 'kopdes_lahan'
			}
		]
	])('%#: maps to %o with the shared :ended id', (message, expected) => {
		const [event] = new QueueTracker().handle(message, T);
		expect(event).toMatchObject(expected);
		if (expected.type !== 'call.classified') expect(event!.id).toBe('call:4.1:kopdes:ended');
		expect(wireEventSchema.safeParse(event).success).toBe(true);
	});

	it.each([
		[ami('Event: QueueCallerJoin', 'Queue: kopdes'), 'QueueCallerJoin has no Uniqueid'],
		[
			ami('Event: AgentConnect', 'Queue: kopdes', 'Uniqueid: 5.1'),
			'AgentConnect has no MemberName'
		],
		[
			ami(
				'Event: AgentComplete',
				'Queue: kopdes',
				'Uniqueid: 5.1',
				'MemberName: 1001',
				'TalkTime: x'
			),
			'AgentComplete TalkTime "x" is not a whole number'
		],
		[ami('Event: QueueMemberAdded', 'MemberName: 1001'), 'QueueMemberAdded has no Queue']
	])('%#: a malformed event is a problem: %s', (message, text) => {
		expect(() => new QueueTracker().handle(message, T)).toThrow(AmiProblem);
		expect(() => new QueueTracker().handle(message, T)).toThrow(text);
	});
});

describe('QueueTracker.reconcile after a reconnect', () => {
	const snapshot = (waiting: { callId: string; waitSeconds: number }[]) => ({
		waiting: waiting.map((w) => ({ ...w, queue: 'kopdes' })),
		members: [],
		unreadable: []
	});

	it('enters callers waiting now (same id: a duplicate when already stored), exits those gone', () => {
		const events = new QueueTracker().reconcile(
			snapshot([{ callId: '6.1', waitSeconds: 40 }]),
			{
				waiting: [
					{ callId: '6.1', queue: 'kopdes' },
					{ callId: '6.2', queue: 'kopdes' }
				],
				members: []
			},
			T
		);
		expect(brief(events)).toEqual([
			['call.entered', 'call:6.1:kopdes:entered', undefined, undefined],
			['call.exited', 'call:6.2:kopdes:reconciled', undefined, 'unknown']
		]);
		expect(events[0]!.at).toBe(new Date(T - 40_000).toISOString());
	});

	it('leaves a caller whose leave is pending to the grace period', () => {
		const t = new QueueTracker();
		t.handle(join('7.1', T), T);
		t.handle(leave('7.1', T + 5000), T + 5000);
		expect(t.pendingLeaves).toBe(1);
		expect(
			t.reconcile(
				snapshot([]),
				{ waiting: [{ callId: '7.1', queue: 'kopdes' }], members: [] },
				T + 5001
			)
		).toEqual([]);
	});

	it('ends a call held as on an agent only when QueueStatus shows that agent on no call', () => {
		// InCall (12+) or device Status (1.8/11): free, in use, or unknown (Status 0: left alone).
		const status = readQueueStatus(
			[
				['PJSIP/1', 'InCall: 0', 'Status: 2'],
				['PJSIP/2', 'InCall: 1', 'Status: 1'],
				['PJSIP/3', 'Status: 2'],
				['PJSIP/4', 'Status: 1'],
				['PJSIP/5', 'Status: 0']
			].map(([name, ...rest]) =>
				ami('Event: QueueMember', 'Queue: other', `Name: ${name}`, ...rest, 'Paused: 0')
			)
		);
		expect(status.members.map((m) => m.inCall)).toEqual([false, true, true, false, null]);
		// The store holds agents canonical, as agentOf names them; the sixth is a member nowhere.
		const agents = [...status.members.map((m) => m.agent), 'gone'];
		const onAgent = agents.map((agent, i) => ({ callId: `8.${i + 1}`, queue: 'kopdes', agent }));
		const events = new QueueTracker().reconcile(
			{ ...status, waiting: [] },
			{ waiting: [], onAgent, members: [] },
			T
		);
		expect(brief(events).filter(([type]) => type!.startsWith('call.'))).toEqual([
			['call.exited', 'call:8.1:kopdes:reconciled', undefined, 'unknown'],
			['call.exited', 'call:8.4:kopdes:reconciled', undefined, 'unknown'],
			['call.exited', 'call:8.6:kopdes:reconciled', undefined, 'unknown']
		]);
	});
});

describe('one call, one contact: AMI and queue_log give the same ids (pbx-ids.ts)', () => {
	it('for entry, connect, completion, IVR choice and member events', async () => {
		const { parseQueueLog } = await import('../queue-log/parse');
		const s = T / 1000;
		const log = [
			`${s}|1.9|kopdes|NONE|SIGAP_IVR|61|kopdes_lahan`,
			`${s}|1.9|kopdes|NONE|ENTERQUEUE||081234567890|1`,
			`${s + 12}|1.9|kopdes|PJSIP/1001|CONNECT|12|1.10|3`,
			`${s + 72}|1.9|kopdes|PJSIP/1001|COMPLETEAGENT|12|60|1`,
			`${s + 80}|NONE|kopdes|PJSIP/1001|PAUSE|Istirahat`
		].join('\n');
		const fromLog = parseQueueLog(`${log}\n`, { format: 'native' }).events.map((e) => e.event.id);
		const t = new QueueTracker();
		const fromAmi = [
			ami('Event: UserEvent', 'UserEvent: SIGAP_IVR', 'Uniqueid: 1.9', 'Province: 61', stamp(T)),
			join('1.9', T),
			leave('1.9', T + 12_000),
			ami(
				'Event: AgentConnect',
				'Queue: kopdes',
				'Uniqueid: 1.9',
				'MemberName: PJSIP/1001',
				'HoldTime: 12',
				stamp(T + 12_000)
			),
			ami(
				'Event: AgentComplete',
				'Queue: kopdes',
				'Uniqueid: 1.9',
				'MemberName: PJSIP/1001',
				'TalkTime: 60',
				'Reason: agent',
				stamp(T + 72_000)
			),
			ami(
				'Event: QueueMemberPause',
				'Queue: kopdes',
				'MemberName: PJSIP/1001',
				'Paused: 1',
				'PausedReason: Istirahat',
				stamp(T + 80_000)
			)
		].flatMap((m) => t.handle(m, T + 90_000));
		expect(fromAmi.map((e) => e.id)).toEqual(fromLog);
	});
});
