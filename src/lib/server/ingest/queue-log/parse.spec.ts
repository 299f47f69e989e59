import { describe, it, expect } from 'vitest';
import { parseQueueLog, parseQueueLogLine } from './parse';

const ENTER = '1774348200|1774348190.12|antrian-kopdes|NONE|ENTERQUEUE||081234567890|1';
const CONNECT = '1774348214|1774348190.12|antrian-kopdes|PJSIP/1001|CONNECT|14|1774348204.15|3';
const COMPLETE = '1774348444|1774348190.12|antrian-kopdes|PJSIP/1001|COMPLETEAGENT|14|230|1';

describe('parseQueueLog', () => {
	it('reports bad lines as FILE:LINE problems and reads the rest', () => {
		const text = [ENTER, 'garbage', '1774348214|x|antrian-kopdes|NONE', CONNECT, COMPLETE, ''].join(
			'\n'
		);
		const result = parseQueueLog(text, { format: 'native', fileName: 'ql.log' });
		expect(result.lines).toBe(5);
		expect(result.events.map((e) => [e.line, e.event.type])).toEqual([
			[1, 'call.entered'],
			[4, 'call.connected'],
			[5, 'call.completed']
		]);
		expect(result.problems.map((p) => p.text)).toEqual([
			'ql.log:2: 1 field(s); a queue_log row needs at least 5 (time|callid|queuename|agent|event)',
			'ql.log:3: 4 field(s); a queue_log row needs at least 5 (time|callid|queuename|agent|event)'
		]);
	});

	it('reports a final line cut off mid-row as truncated', () => {
		const result = parseQueueLog(`${ENTER}\n${CONNECT}\n1774348444|1774348190.12|antr`, {
			format: 'native'
		});
		expect(result.events).toHaveLength(2);
		expect(result.problems).toEqual([
			expect.objectContaining({
				line: 3,
				message: expect.stringMatching(/^truncated final line \(no newline\): 3 field/)
			})
		]);
	});

	it('accepts a complete final row without newline, CRLF line ends and a BOM', () => {
		const result = parseQueueLog(`\uFEFF${ENTER}\r\n${CONNECT}\r\n${COMPLETE}`, {
			format: 'native'
		});
		expect(result.problems).toEqual([]);
		expect(result.events.map((e) => e.event.type)).toEqual([
			'call.entered',
			'call.connected',
			'call.completed'
		]);
	});

	it('keeps unknown events as pbx.other and counts them as ignored', () => {
		const text = `${ENTER}\n1774348201|1774348190.12|antrian-kopdes|NONE|VENDOR_THING|a|b\n1774348202|NONE|NONE|NONE|VENDOR_THING\n`;
		const result = parseQueueLog(text, { format: 'native' });
		expect(result.problems).toEqual([]);
		expect(result.ignored).toEqual({ VENDOR_THING: 2 });
		expect(result.events[1]!.event).toMatchObject({
			type: 'pbx.other',
			event: 'VENDOR_THING',
			data: ['a', 'b']
		});
	});

	it('gives an empty input no lines and no problems', () => {
		expect(parseQueueLog('', { format: 'native' })).toEqual({
			lines: 0,
			events: [],
			problems: [],
			ignored: {}
		});
	});
});

describe('event ids', () => {
	const idOf = (line: string) => {
		const r = parseQueueLogLine(line, { format: 'native' });
		return r.kind === 'event' ? r.event.id : r.kind;
	};

	it('are the same when a line is read twice, wherever it stands', () => {
		const once = parseQueueLog(`${ENTER}\n${CONNECT}\n`, { format: 'native' });
		const shifted = parseQueueLog(`\n\n${CONNECT}\n${ENTER}\n`, { format: 'native' });
		expect(shifted.events.map((e) => e.event.id).sort()).toEqual(
			once.events.map((e) => e.event.id).sort()
		);
		expect(idOf(ENTER)).toBe(once.events[0]!.event.id);
	});

	it('name the logical event, as AMI does (pbx-ids.ts): call, queue and step', () => {
		const ids = new Set(
			[
				ENTER,
				ENTER.replace('|antrian-kopdes|', '|antrian-umum|'),
				ENTER.replace('1774348190.12', '1774348190.13'),
				CONNECT
			].map(idOf)
		);
		expect(ids.size).toBe(4);
		// The same entry written again a second later (or with another caller field) is one event.
		expect(idOf(ENTER.replace('1774348200', '1774348201'))).toBe(idOf(ENTER));
		expect(idOf(ENTER)).toBe('call:1774348190.12:antrian-kopdes:entered');
	});

	it('keep a content-derived id for rows kept as pbx.other', () => {
		const ring = ENTER.replace('ENTERQUEUE', 'RINGNOANSWER');
		expect(idOf(ring)).toMatch(/^ql:[0-9a-f]{40}$/);
		expect(idOf(ring.replace('1774348200', '1774348201'))).not.toBe(idOf(ring));
	});

	it('ignore padding and empty trailing data (file row vs padded dump of the same content)', () => {
		expect(idOf(`${CONNECT}||`)).toBe(idOf(CONNECT));
		expect(idOf(CONNECT.split('|').join(' | '))).toBe(idOf(CONNECT));
	});
});
