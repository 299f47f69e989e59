import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { readNativeLine } from './native';
import { parseQueueLog } from './parse';

const WAZO = path.resolve(
	process.cwd(),
	'../shared/data/realworld/asterisk/wazo_xivo_doc_queue_log_samples.rst'
);

/** The doc's psql tables, prose blanked so line numbers stay those of the file. */
function wazoTables(): string {
	const text = readFileSync(WAZO, 'utf8');
	return text
		.split('\n')
		.map((l) => (l.includes('|') ? l : ''))
		.join('\n');
}

describe('readNativeLine: file and DB dump told apart per line', () => {
	it('reads the pipe file with epoch seconds', () => {
		const read = readNativeLine(
			'1366720340|1366720340.303267|MYQUEUE|SIP/8007|RINGNOANSWER|1000',
			'UTC'
		);
		expect(read).toMatchObject({
			kind: 'row',
			row: {
				at: 1_366_720_340_000,
				callId: '1366720340.303267',
				queue: 'MYQUEUE',
				agent: 'SIP/8007',
				event: 'RINGNOANSWER',
				data: ['1000']
			}
		});
	});

	it('reads a padded psql row in the given zone, dropping empty trailing data', () => {
		const read = readNativeLine(
			' 2012-07-04 07:49:52.939802 | 1341402586.51   | q1        | NONE       | ABANDON             | 1                   | 1               | 6             |       |',
			'Asia/Jakarta'
		);
		expect(read).toMatchObject({
			kind: 'row',
			row: { at: Date.parse('2012-07-04T00:49:52.939Z'), data: ['1', '1', '6'] }
		});
	});

	it.each([
		[
			'              time            |     callid      | queuename |   agent    |        event        |        data1'
		],
		['   ---------------------------+-----------------+-----------+------------'],
		['(12 rows)'],
		['   ']
	])('skips decoration: %s', (text) => {
		expect(readNativeLine(text, 'UTC')).toEqual({ kind: 'skip' });
	});

	it.each([
		['time | queuename | callid | agent | event', 'unsupported column order'],
		['1366720340|1366720340.3|Q', '3 field(s); a queue_log row needs at least 5'],
		[
			'13667x0340|1366720340.3|Q|NONE|ENTERQUEUE',
			'time "13667x0340" is neither epoch seconds nor a date-time'
		],
		[
			'12|1366720340.3|Q|NONE|ENTERQUEUE',
			'time 12 is not a plausible PBX time (years 2000 to 2099)'
		],
		[
			'1970-01-01 00:00:00|1|Q|NONE|ENTERQUEUE',
			'time 1970-01-01 00:00:00 is not a plausible PBX time'
		],
		[
			'2012-02-30 10:00:00|1|Q|NONE|ENTERQUEUE',
			'time "2012-02-30 10:00:00" is not a real date and time'
		],
		['1366720340|1366720340.3|Q|NONE|', 'the event field is empty']
	])('%s is a problem', (text, message) => {
		const read = readNativeLine(text, 'UTC');
		expect(read.kind).toBe('problem');
		if (read.kind === 'problem') expect(read.message).toContain(message);
	});
});

describe('Wazo/XiVO queue_log table samples (native format, DB dump)', () => {
	const parsed = parseQueueLog(wazoTables(), {
		format: 'native',
		timeZone: 'UTC',
		fileName: 'wazo.rst'
	});
	const byLine = new Map(parsed.events.map((e) => [e.line, e.event]));

	it('reads every sample row and nothing else, without problems', () => {
		expect(parsed.problems).toEqual([]);
		expect(parsed.events).toHaveLength(12);
	});

	it.each([
		[20, { type: 'agent.logged_in', agent: '3001', at: '2012-07-03T15:27:23.896Z' }],
		[32, { type: 'agent.unpaused', agent: '3001', queue: 'q2' }],
		[33, { type: 'agent.unpaused', agent: '3001', queue: 'q1' }],
		[34, { type: 'agent.unpaused', agent: '3001' }],
		[35, { type: 'agent.logged_out', agent: '3001', at: '2012-07-03T15:28:06.249Z' }],
		[45, { type: 'call.exited', reason: 'joinempty', callId: '1341401275.9', queue: 'q1' }],
		[
			55,
			{
				type: 'call.connected',
				callId: '1341401601.24',
				agent: '3001',
				waitSeconds: 2,
				ringSeconds: 1
			}
		],
		[56, { type: 'call.entered', callId: '1341401601.24', queue: 'q1', caller: '1000' }],
		[66, { type: 'call.completed', by: 'agent', waitSeconds: 2, talkSeconds: 12 }],
		[76, { type: 'call.exited', reason: 'full', callId: '1341402016.44' }],
		[86, { type: 'call.exited', reason: 'closed', callId: '1341402482.49' }],
		[96, { type: 'call.abandoned', position: 1, waitSeconds: 6, at: '2012-07-04T07:49:52.939Z' }]
	])('line %i', (line, expected) => {
		expect(byLine.get(line)).toMatchObject(expected);
	});

	it('reads the wall times in the --timezone zone', () => {
		const jakarta = parseQueueLog(wazoTables(), { format: 'native', timeZone: 'Asia/Jakarta' });
		const utcAt = Date.parse(parsed.events[0]!.event.at);
		expect(Date.parse(jakarta.events[0]!.event.at)).toBe(utcAt - 7 * 3600_000);
		// Call ids name the call, not the instant (pbx-ids.ts): the same whatever the zone.
		const callIds = (p: typeof parsed) =>
			p.events.filter((e) => e.event.type.startsWith('call.')).map((e) => e.event.id);
		expect(callIds(jakarta)).toEqual(callIds(parsed));
	});

	it('refuses an unknown zone as a usage error', () => {
		expect(() =>
			parseQueueLog(wazoTables(), { format: 'native', timeZone: 'Mars/Olympus' })
		).toThrow(/unknown time zone "Mars\/Olympus"/);
	});
});
