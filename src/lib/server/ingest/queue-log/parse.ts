/**
 * Asterisk `queue_log` → Sigap wire events (contracts/ingest.ts), for `sigap import` and
 * `sigap tail`. Pure: text in, events and problems out; no I/O, no clock.
 *
 * ## Formats
 * - `native` — what Asterisk writes, told apart per line:
 *   - the file `/var/log/asterisk/queue_log`: `epoch|callid|queuename|agent|event|data1|…|data5`
 *     (older versions write fewer parameters, or one `data` field with the same pipes);
 *   - the Wazo/XiVO `queue_log` table as psql prints it:
 *     `2012-07-03 15:27:23.896208 | 1341343640.4 | NONE | Agent/3001 | AGENTCALLBACKLOGIN | …`,
 *     header, `---+---` separator and `(n rows)` lines skipped. These timestamps have no
 *     offset: they are wall times in the `timeZone` option (IANA name, default `UTC`) unless
 *     they carry one (`…+07`).
 * - `pbxware-csv` — Bicom PBXware's export `uid,date_time,callid,queue_name,type,event,param1,
 *   param2,param3,entpos,expos,htime,ttime,time`: `date_time` is the epoch, `type` the agent,
 *   hold/talk seconds are in `htime`/`ttime`, positions in `entpos`/`expos`, and `param1` of
 *   call rows is the caller. One record per line.
 *
 * ## Meaning (metrics.md §Calls)
 * ENTERQUEUE → call.entered · CONNECT → call.connected (wait, ring) · COMPLETEAGENT /
 * COMPLETECALLER → call.completed (wait, talk) · ABANDON → call.abandoned (wait, position) ·
 * EXITWITHTIMEOUT / EXITEMPTY / EXITWITHKEY / FULL / JOINEMPTY / CLOSED → call.exited ·
 * TRANSFER / BLINDTRANSFER / ATTENDEDTRANSFER → call.transferred (wait = hold, talk) ·
 * AGENTLOGIN / AGENTCALLBACKLOGIN / ADDMEMBER → agent.logged_in · AGENTLOGOFF /
 * AGENTCALLBACKLOGOFF / REMOVEMEMBER → agent.logged_out · PAUSE / PAUSEALL (reason) →
 * agent.paused · UNPAUSE / UNPAUSEALL → agent.unpaused · SIGAP_IVR → call.classified.
 * Everything else (RINGNOANSWER, agent outbound OUTDIAL/OUTANSWER/…, CONFIGRELOAD, vendor
 * events) is kept as `pbx.other`, which metrics ignore, and counted in `ignored`.
 * Agents are canonical (`Local/1127@callback-agent` → `1127`); `NONE` queues are omitted.
 *
 * ## IVR classification (`SIGAP_IVR`)
 * The IVR writes the caller's choices into the queue_log before `Queue()`:
 * `same => n,QueueLog(${QUEUE},${UNIQUEID},NONE,SIGAP_IVR,61|kopdes_lahan)` —
 * data1 = BPS province code (two digits, or `unknown`), data2 = issue-type code; either may be
 * empty. The call id is the caller channel's `${UNIQUEID}`, the same id ENTERQUEUE carries.
 *
 * ## Ids
 * Call and agent events get the logical id AMI gives the same event (`../pbx-ids.ts`:
 * `call:<callid>:<queue>:entered|connected|ended`, `agent:<agent>:<queue>:<step>:<epoch s>`),
 * so a line read twice (re-import, tail restart, rotated copy) — or the same event seen live
 * over AMI under the same source name — is stored once. Rows kept as `pbx.other` have `ql:` +
 * SHA-1 of the row's content.
 */
import { wireEventSchema, type WireEvent } from '../../../contracts/ingest';
import { isQueueEvent, RowProblem, rowToWireEvent } from './map-row';
import { readNativeLine } from './native';
import { readPbxwareLine } from './pbxware';
import type { LineRead } from './row';
import { timeZoneProblem } from './zoned-time';

export const QUEUE_LOG_FORMATS = ['native', 'pbxware-csv'] as const;
export type QueueLogFormat = (typeof QUEUE_LOG_FORMATS)[number];

export interface QueueLogOptions {
	format: QueueLogFormat;
	/** IANA zone of offset-less text timestamps (Wazo/XiVO dumps); default `UTC`. */
	timeZone?: string;
	/** Names the input in problem texts; default `queue_log`. */
	fileName?: string;
}

/** One line: an event (`ignored` = kept as pbx.other), nothing to read, or a problem. */
export type LineResult =
	| { kind: 'event'; event: WireEvent; ignored: boolean }
	| { kind: 'skip' }
	| { kind: 'problem'; message: string };

export interface QueueLogProblem {
	line: number;
	message: string;
	/** Ready to print: `FILE:LINE: message`. */
	text: string;
}

export interface QueueLogParse {
	/** Line count of the input (a final line without newline counts). */
	lines: number;
	events: { line: number; event: WireEvent }[];
	problems: QueueLogProblem[];
	/** Rows kept as `pbx.other`, by event name. */
	ignored: Record<string, number>;
}

/** Throws a usage error for a time zone Intl does not know. */
export function assertTimeZone(timeZone: string): void {
	const problem = timeZoneProblem(timeZone);
	if (problem) throw new RangeError(problem);
}

function readLine(line: string, options: QueueLogOptions): LineRead {
	return options.format === 'pbxware-csv'
		? readPbxwareLine(line)
		: readNativeLine(line, options.timeZone ?? 'UTC');
}

function schemaProblem(event: WireEvent): string | null {
	const checked = wireEventSchema.safeParse(event);
	if (checked.success) return null;
	return checked.error.issues.map((i) => `${i.path.join('.') || 'event'} ${i.message}`).join('; ');
}

/** Parses one line (without its newline) of either format; the unit `sigap tail` feeds. */
export function parseQueueLogLine(line: string, options: QueueLogOptions): LineResult {
	assertTimeZone(options.timeZone ?? 'UTC');
	const read = readLine(line.replace(/\r$/, ''), options);
	if (read.kind !== 'row') return read;
	try {
		const event = rowToWireEvent(read.row);
		const problem = schemaProblem(event);
		if (problem) return { kind: 'problem', message: `${read.row.event}: ${problem}` };
		return { kind: 'event', event, ignored: !isQueueEvent(read.row.event) };
	} catch (error) {
		if (error instanceof RowProblem) return { kind: 'problem', message: error.message };
		throw error;
	}
}

/**
 * Parses a whole queue_log. Bad lines become problems and do not stop the rest; a final line
 * without newline that does not parse is reported as truncated.
 */
export function parseQueueLog(text: string, options: QueueLogOptions): QueueLogParse {
	const fileName = options.fileName ?? 'queue_log';
	const body = text.replace(/^\uFEFF/, '');
	const lines = body.split('\n');
	const endsWithNewline = body.endsWith('\n') || body === '';
	if (endsWithNewline) lines.pop();
	const result: QueueLogParse = { lines: lines.length, events: [], problems: [], ignored: {} };
	lines.forEach((raw, index) => {
		const line = index + 1;
		const parsed = parseQueueLogLine(raw, options);
		if (parsed.kind === 'event') {
			result.events.push({ line, event: parsed.event });
			if (parsed.ignored) {
				const name = parsed.event.type === 'pbx.other' ? parsed.event.event : parsed.event.type;
				result.ignored[name] = (result.ignored[name] ?? 0) + 1;
			}
		} else if (parsed.kind === 'problem') {
			const truncated = !endsWithNewline && index === lines.length - 1;
			const message = truncated
				? `truncated final line (no newline): ${parsed.message}`
				: parsed.message;
			result.problems.push({ line, message, text: `${fileName}:${line}: ${message}` });
		}
	});
	return result;
}
