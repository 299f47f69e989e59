/**
 * The native `queue_log`: Asterisk's pipe-separated file and the Wazo/XiVO table dump
 * (psql output), told apart line by line by the shape of the time field.
 */
import { epochSecondsToMs, type LineRead, plausibleInstant, trimTrailingEmpty } from './row';
import { looksLikeWallTime, wallTimeToEpoch } from './zoned-time';

/** Fields every row has before its parameters: time|callid|queuename|agent|event. */
const FIXED = ['time', 'callid', 'queuename', 'agent', 'event'];

/** psql decoration: `----+----` separators and `(12 rows)` footers. */
const isDecoration = (line: string) => /^[\s\-+]+$/.test(line) || /^\(\d+ rows?\)$/.test(line);

function headerRead(cells: string[]): LineRead {
	const names = cells.slice(0, FIXED.length).map((c) => c.toLowerCase());
	if (names.join('|') === FIXED.join('|')) return { kind: 'skip' };
	return {
		kind: 'problem',
		message: `unsupported column order "${cells.join(' | ')}"; expected ${FIXED.join(' | ')} | data1…`
	};
}

function epochMs(time: string, timeZone: string): number | string {
	if (/^\d+(\.\d+)?$/.test(time)) return epochSecondsToMs(time);
	if (looksLikeWallTime(time)) {
		const ms = wallTimeToEpoch(time, timeZone);
		return ms === null ? `time "${time}" is not a real date and time` : plausibleInstant(ms, time);
	}
	return `time "${time}" is neither epoch seconds nor a date-time such as 2012-07-03 15:27:23`;
}

/**
 * Reads one native line: `epoch|callid|queue|agent|event|data1|…` (file) or
 * `2012-07-03 15:27:23.896208 | callid | queue | agent | event | data1 | …` (DB dump; the
 * wall time is in `timeZone` unless it carries an offset). Old single-`data` layouts are the
 * same pipes. Headers, separators and blank lines are skipped.
 */
export function readNativeLine(line: string, timeZone: string): LineRead {
	if (line.trim() === '' || isDecoration(line.trim())) return { kind: 'skip' };
	const cells = line.split('|').map((c) => c.trim());
	if (cells[0]!.toLowerCase() === 'time') return headerRead(cells);
	if (cells.length < FIXED.length) {
		return {
			kind: 'problem',
			message: `${cells.length} field(s); a queue_log row needs at least ${FIXED.length} (${FIXED.join('|')})`
		};
	}
	const [time, callId, queue, agent, event, ...data] = cells as [
		string,
		string,
		string,
		string,
		string
	];
	const at = epochMs(time, timeZone);
	if (typeof at === 'string') return { kind: 'problem', message: at };
	if (event === '') return { kind: 'problem', message: 'the event field is empty' };
	const params = trimTrailingEmpty(data);
	const content = [time, callId, queue, agent, event, ...params].join('|');
	return { kind: 'row', row: { at, callId, queue, agent, event, data: params, content } };
}
