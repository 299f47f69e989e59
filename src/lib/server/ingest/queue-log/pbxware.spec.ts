import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import type { WireEvent } from '../../../contracts/ingest';
import { parseQueueLog, parseQueueLogLine } from './parse';
import { readPbxwareLine } from './pbxware';

const FILE = path.resolve(
	process.cwd(),
	'../shared/data/realworld/asterisk/pbxware_queue_log_export.csv'
);
const text = readFileSync(FILE, 'utf8');
const rawLines = text.split('\n');
const parsed = parseQueueLog(text, { format: 'pbxware-csv', fileName: 'export.csv' });
/** The raw `event` column of a file line, to check what a mapped event came from. */
const rawEventOf = (line: number) => rawLines[line - 1]!.split(',')[5];

type CallEvent = Extract<WireEvent, { callId: string }>;
const callEvents = parsed.events
	.map((e) => e.event)
	.filter((e): e is CallEvent => e.type.startsWith('call.'));

/** How each call that entered a queue ended, as the terminal events name it. */
function outcomes(): Record<string, number> {
	const ends = new Map<string, string[]>();
	for (const e of callEvents) if (e.type === 'call.entered') ends.set(e.callId, []);
	for (const { line, event } of parsed.events) {
		if (!('callId' in event) || !event.callId || !ends.has(event.callId)) continue;
		if (
			['call.completed', 'call.abandoned', 'call.exited', 'call.transferred'].includes(event.type)
		) {
			ends.get(event.callId)!.push(rawEventOf(line)!);
		}
	}
	const counts: Record<string, number> = {};
	for (const list of ends.values()) {
		const key = list.length ? list.join('+') : 'open';
		counts[key] = (counts[key] ?? 0) + 1;
	}
	return counts;
}

describe('PBXware queue_log export (real file, data/realworld/README.md)', () => {
	it('reads all 1,000 rows without problems', () => {
		expect(parsed.lines).toBe(1001);
		expect(parsed.problems).toEqual([]);
		expect(parsed.events).toHaveLength(1000);
	});

	it('108 ENTERQUEUE on IT → 51 COMPLETEAGENT, 38 COMPLETECALLER, 12 ABANDON, 1 EXITWITHTIMEOUT, 1 ATTENDEDTRANSFER, 1 BLINDTRANSFER, 4 open', () => {
		const entered = callEvents.filter((e) => e.type === 'call.entered');
		expect(entered).toHaveLength(108);
		expect(new Set(entered.map((e) => (e as { queue: string }).queue))).toEqual(new Set(['IT']));
		expect(outcomes()).toEqual({
			COMPLETEAGENT: 51,
			COMPLETECALLER: 38,
			ABANDON: 12,
			EXITWITHTIMEOUT: 1,
			ATTENDEDTRANSFER: 1,
			BLINDTRANSFER: 1,
			open: 4
		});
	});

	it('maps the terminal events to their kinds', () => {
		const count = (pred: (e: CallEvent) => boolean) => callEvents.filter(pred).length;
		expect(count((e) => e.type === 'call.completed' && e.by === 'agent')).toBe(51);
		expect(count((e) => e.type === 'call.completed' && e.by === 'caller')).toBe(38);
		expect(count((e) => e.type === 'call.abandoned')).toBe(12);
		expect(count((e) => e.type === 'call.exited' && e.reason === 'timeout')).toBe(1);
		expect(count((e) => e.type === 'call.transferred')).toBe(2);
		expect(count((e) => e.type === 'call.connected')).toBe(93);
	});

	it('keeps agent outbound (OUT*) and ring rows as pbx.other, never as queue calls', () => {
		for (const { line, event } of parsed.events) {
			if (/^OUT|^RINGNOANSWER$/.test(rawEventOf(line)!)) expect(event.type).toBe('pbx.other');
		}
		expect(parsed.ignored).toEqual({
			RINGNOANSWER: 360,
			OUTDIAL: 128,
			OUTANSWER: 77,
			OUTCANCEL: 24,
			OUTCHANUNAVAIL: 18,
			CONFIGRELOAD: 11,
			OUTCONGESTION: 9,
			QUEUESTART: 7,
			OUTTRANSFER: 1
		});
	});

	it('call 1543602660.197: wait 76 s from htime, talk 847 s from ttime, callback agent 1127', () => {
		const call = parsed.events
			.map((e) => e.event)
			.filter((e) => 'callId' in e && e.callId === '1543602660.197');
		expect(call.find((e) => e.type === 'call.entered')).toMatchObject({
			queue: 'IT',
			caller: '08006491283',
			at: '2018-11-30T18:31:17.000Z'
		});
		expect(call.find((e) => e.type === 'call.connected')).toMatchObject({
			agent: '1127',
			waitSeconds: 76,
			ringSeconds: 6,
			at: '2018-11-30T18:32:33.000Z'
		});
		expect(call.find((e) => e.type === 'call.completed')).toMatchObject({
			agent: '1127',
			by: 'caller',
			waitSeconds: 76,
			talkSeconds: 847
		});
	});

	it('reads abandon, timeout and transfer parameters from their shifted columns', () => {
		const at = (line: number) => parsed.events.find((e) => e.line === line)!.event;
		expect(at(296)).toMatchObject({ type: 'call.abandoned', position: 1, waitSeconds: 197 });
		expect(at(296)).not.toHaveProperty('caller');
		expect(at(527)).toMatchObject({ type: 'call.exited', reason: 'timeout', waitSeconds: 300 });
		expect(at(178)).toMatchObject({
			type: 'call.transferred',
			agent: '1128',
			waitSeconds: 6,
			talkSeconds: 30
		});
		expect(at(929)).toMatchObject({
			type: 'call.transferred',
			target: '1142',
			waitSeconds: 6,
			talkSeconds: 38
		});
		expect(at(6)).toMatchObject({ type: 'agent.logged_in', agent: '1127', queue: 'IT' });
		expect(at(7)).toMatchObject({ type: 'agent.logged_in', agent: '1127' });
		expect(at(7)).not.toHaveProperty('queue');
	});

	it('gives every row its own id, the same on every read', () => {
		const ids = parsed.events.map((e) => e.event.id);
		expect(new Set(ids).size).toBe(1000);
		const again = parseQueueLog(text, { format: 'pbxware-csv' });
		expect(again.events.map((e) => e.event.id)).toEqual(ids);
		const alone = parseQueueLogLine(rawLines[19]!, { format: 'pbxware-csv' });
		expect(alone.kind === 'event' && alone.event.id).toBe(parsed.events[18]!.event.id);
	});
});

describe('readPbxwareLine problems', () => {
	it.each([
		['uid,date_time,callid,queue,type,event', 'unexpected header'],
		[
			'13,1543602677,1543602660.197,IT,NONE,ENTERQUEUE,08006491283',
			'7 column(s); a PBXware row has 14'
		],
		[
			'13,15436x2677,1543602660.197,IT,NONE,ENTERQUEUE,0800,,,1,0,0,0,"2018-11-30 13:31:17"',
			'date_time "15436x2677" is not epoch seconds'
		],
		[
			'13,1543602677,1543602660.197,IT,NONE,,0800,,,1,0,0,0,"2018-11-30 13:31:17"',
			'the event column is empty'
		],
		[
			'13,1543602677,1543602660.197,IT,NONE,ENTERQUEUE,0800,,,1,0,0,0,"2018-11-30 13:31',
			'not valid CSV'
		]
	])('%s', (line, message) => {
		const read = readPbxwareLine(line);
		expect(read.kind).toBe('problem');
		if (read.kind === 'problem') expect(read.message).toContain(message);
	});
});
