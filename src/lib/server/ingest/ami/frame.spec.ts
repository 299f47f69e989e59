import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	field,
	formatAction,
	FrameReader,
	MAX_FRAME_CHARS,
	parseFrame,
	type FrameRead
} from './frame';

const recording = (name: string) =>
	readFileSync(
		path.resolve(process.cwd(), '../shared/data/realworld/asterisk', `panoramisk_ami_${name}.yaml`),
		'utf8'
	);

const messages = (reads: FrameRead[]) =>
	reads.flatMap((r) => (r.kind === 'message' ? [r.message] : []));

/** How many messages begin with `Key: X` in the file (a line after a blank line). */
function grepCount(text: string, key: string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const m of `\n\n${text}`.matchAll(new RegExp(`\\n[ \\t]*\\n${key}: (\\S+)`, 'g')))
		counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
	return counts;
}

describe('FrameReader on the recorded panoramisk sessions', () => {
	it.each(['queue_status', 'agent_loggued_in', 'agent_not_in_pause', 'originate_with_events'])(
		'%s: every message read, none broken, fields as written',
		(name) => {
			const text = recording(name);
			const reads = new FrameReader().push(text + '\n\n');
			expect(reads.filter((r) => r.kind === 'problem')).toEqual([]);
			const all = messages(reads);
			const byFirstKey = (key: string) => {
				const counts = new Map<string, number>();
				for (const m of all) {
					const [first, value] = m.fields[0]!;
					if (first === key) counts.set(value, (counts.get(value) ?? 0) + 1);
				}
				return counts;
			};
			expect(byFirstKey('Event')).toEqual(grepCount(text, 'Event'));
			expect(byFirstKey('Action')).toEqual(grepCount(text, 'Action'));
		}
	);

	it('reads QueueMember fields of the queue_status recording', () => {
		const all = messages(new FrameReader().push(recording('queue_status')));
		const members = all.filter((m) => field(m, 'Event') === 'QueueMember');
		expect(members.map((m) => [field(m, 'Name'), field(m, 'Paused')])).toEqual([
			['Agent/220', '0'],
			['Agent/213', '0'],
			['Agent/859', '0'],
			['Agent/214', '0'],
			['Agent/333', '0'],
			['Agent/999', '1']
		]);
	});

	it('gives the same messages whatever the chunking, CRLF or LF', () => {
		const text = recording('agent_not_in_pause').replace(/\n/g, '\r\n') + '\r\n\r\n';
		const whole = messages(new FrameReader().push(text));
		const reader = new FrameReader();
		const pieces: FrameRead[] = [];
		for (let i = 0; i < text.length; i += 7) pieces.push(...reader.push(text.slice(i, i + 7)));
		expect(messages(pieces).map((m) => m.fields)).toEqual(whole.map((m) => m.fields));
	});
});

describe('FrameReader details', () => {
	it('skips the greeting line and keeps empty values', () => {
		const reads = new FrameReader().push(
			'Asterisk Call Manager/5.0.1\r\nResponse: Success\r\nAccountCode:\r\n\r\n'
		);
		expect(messages(reads)[0]!.fields).toEqual([
			['Response', 'Success'],
			['AccountCode', '']
		]);
	});

	it('keeps a repeated key (ChanVariable) and a colon inside a value', () => {
		const m = parseFrame('Event: X\nChanVariable: A=1\nChanVariable: B=2\nValue: sip:1@h:5060');
		expect(m.kind === 'message' && m.message.fields).toEqual([
			['Event', 'X'],
			['ChanVariable', 'A=1'],
			['ChanVariable', 'B=2'],
			['Value', 'sip:1@h:5060']
		]);
	});

	it('reports a broken frame and goes on with the next one', () => {
		const reads = new FrameReader().push('Event: A\ngarbage line\n\nEvent: B\n\n');
		expect(reads[0]).toMatchObject({
			kind: 'problem',
			raw: 'Event: A\ngarbage line',
			message: 'broken AMI frame: line 2 "garbage line" is not "Key: Value"'
		});
		expect(messages(reads).map((m) => field(m, 'event'))).toEqual(['B']);
	});

	it('drops an endless frame instead of buffering it', () => {
		const reader = new FrameReader();
		const reads = reader.push(`Event: A\nX: ${'x'.repeat(MAX_FRAME_CHARS)}`);
		expect(reads).toMatchObject([
			{ kind: 'problem', message: expect.stringContaining('without an end') }
		]);
		expect(messages(reader.push('Event: B\n\n')).length).toBe(1);
	});

	it('formats actions with CRLF and refuses a value that would inject a line', () => {
		expect(formatAction({ Action: 'Ping', ActionID: '1' })).toBe(
			'Action: Ping\r\nActionID: 1\r\n\r\n'
		);
		expect(() => formatAction({ Action: 'Login', Secret: 'x\r\nAction: Logoff' })).toThrow(
			/Secret must be one line/
		);
	});
});
