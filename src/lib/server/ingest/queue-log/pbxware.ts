/**
 * Bicom PBXware's queue_log CSV export (`uid,date_time,callid,queue_name,type,event,param1,…`).
 * PBXware moves hold and talk time into `htime`/`ttime` and positions into `entpos`/`expos`,
 * and puts the caller into `param1`; each row is rebuilt here into native parameter order so
 * one mapping serves every format.
 */
import { parse } from 'csv-parse/sync';
import { epochSecondsToMs, type LineRead, trimTrailingEmpty } from './row';

export const PBXWARE_COLUMNS = [
	'uid',
	'date_time',
	'callid',
	'queue_name',
	'type',
	'event',
	'param1',
	'param2',
	'param3',
	'entpos',
	'expos',
	'htime',
	'ttime',
	'time'
] as const;
type Column = (typeof PBXWARE_COLUMNS)[number];
type PbxwareRecord = Record<Column, string>;

const completion = (r: PbxwareRecord) => [r.htime, r.ttime, r.entpos];
const queueExit = (r: PbxwareRecord) => [r.expos, r.entpos, r.htime];
const transfer = (r: PbxwareRecord) => [r.param2, r.param3, r.htime, r.ttime, r.entpos];

/** PBXware columns → native `data1…` of the events whose parameters moved. */
const NATIVE_DATA: Record<string, (r: PbxwareRecord) => string[]> = {
	ENTERQUEUE: (r) => ['', r.param1, r.entpos], // url|callerid|position
	CONNECT: (r) => [r.htime, r.param2, r.param3], // holdtime|bridged uniqueid|ringtime
	COMPLETEAGENT: completion, // holdtime|calltime|origposition
	COMPLETECALLER: completion,
	ABANDON: queueExit, // position|origposition|waittime
	EXITWITHTIMEOUT: queueExit,
	EXITEMPTY: queueExit,
	EXITWITHKEY: (r) => ['', r.expos, r.entpos, r.htime], // key|position|origposition|waittime
	BLINDTRANSFER: transfer, // extension|context|holdtime|calltime|origposition
	TRANSFER: transfer,
	ATTENDEDTRANSFER: completion // …|holdtime|calltime|origposition (the last three)
};
/** Everything else keeps all its parameters, in column order. */
const allParameters = (r: PbxwareRecord) => [
	r.param1,
	r.param2,
	r.param3,
	r.entpos,
	r.expos,
	r.htime,
	r.ttime
];

function cellsOf(line: string): string[] | string {
	try {
		const [cells = []] = parse(line, { relax_column_count: true }) as string[][];
		return cells.map((c) => c.trim());
	} catch (error) {
		return `not valid CSV (${(error as Error).message})`;
	}
}

/** Reads one line of the export; the header is checked, not learnt: other layouts are refused. */
export function readPbxwareLine(line: string): LineRead {
	if (line.trim() === '') return { kind: 'skip' };
	const cells = cellsOf(line);
	if (typeof cells === 'string') return { kind: 'problem', message: cells };
	if (cells[0] === 'uid') {
		if (cells.join(',') === PBXWARE_COLUMNS.join(',')) return { kind: 'skip' };
		return { kind: 'problem', message: `unexpected header; expected ${PBXWARE_COLUMNS.join(',')}` };
	}
	if (cells.length !== PBXWARE_COLUMNS.length) {
		return {
			kind: 'problem',
			message: `${cells.length} column(s); a PBXware row has ${PBXWARE_COLUMNS.length} (${PBXWARE_COLUMNS.join(',')})`
		};
	}
	const r = Object.fromEntries(PBXWARE_COLUMNS.map((c, i) => [c, cells[i]!])) as PbxwareRecord;
	const at = /^\d+$/.test(r.date_time)
		? epochSecondsToMs(r.date_time)
		: `date_time "${r.date_time}" is not epoch seconds`;
	if (typeof at === 'string') return { kind: 'problem', message: at };
	if (r.event === '') return { kind: 'problem', message: 'the event column is empty' };
	const data = (NATIVE_DATA[r.event.toUpperCase()] ?? allParameters)(r);
	return {
		kind: 'row',
		row: {
			at,
			callId: r.callid,
			queue: r.queue_name,
			agent: r.type,
			event: r.event,
			data: trimTrailingEmpty(data),
			content: cells.join('|')
		}
	};
}
