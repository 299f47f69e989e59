/**
 * The meaning of queue_log rows (Asterisk doc "Queue Logs", app_queue.c) as Sigap contact
 * events — metrics.md §Calls. Parameters are read in native order (`data1` = index 0).
 */
import { canonicalAgent } from '../../../domain/agent-id';
import type { ExitReason } from '../../../domain/events';
import type { WireEvent } from '../../../contracts/ingest';
import { agentEventId, callEventId, classifiedEventId, type AgentStep } from '../pbx-ids';
import { present, type QueueLogRow, rowEventId } from './row';

/** A row that cannot become an event; the message says what is missing or garbled. */
export class RowProblem extends Error {}

type Fields = Record<string, unknown> & { type: WireEvent['type'] };

/** A whole-number parameter (seconds, positions); absent is undefined unless required. */
function wholeNumber(row: QueueLogRow, index: number, what: string, required = false) {
	const raw = row.data[index]?.trim() ?? '';
	if (raw === '') {
		if (required) throw new RowProblem(`${row.event} has no ${what}`);
		return undefined;
	}
	if (!/^\d+$/.test(raw)) {
		throw new RowProblem(`${row.event} ${what} "${raw}" is not a whole number`);
	}
	return Number(raw);
}

function required(value: string | undefined, what: string, row: QueueLogRow): string {
	if (value === undefined || value === '') throw new RowProblem(`${row.event} has no ${what}`);
	return value;
}

/** Call rows need the caller's channel id and the queue (`NONE` is neither). */
function callFields(row: QueueLogRow) {
	return {
		callId: required(present(row.callId), 'call id', row),
		queue: required(present(row.queue), 'queue', row)
	};
}

function agentFields(row: QueueLogRow) {
	return { agent: required(canonicalAgent(row.agent), 'agent', row), queue: present(row.queue) };
}

const agentOf = (row: QueueLogRow) => canonicalAgent(row.agent) || undefined;
const completed =
	(by: 'agent' | 'caller') =>
	(row: QueueLogRow): Fields => ({
		type: 'call.completed',
		...callFields(row),
		agent: agentOf(row),
		by,
		waitSeconds: wholeNumber(row, 0, 'hold time'),
		talkSeconds: wholeNumber(row, 1, 'talk time', true)
	});
const exited =
	(reason: ExitReason, waitIndex?: number) =>
	(row: QueueLogRow): Fields => ({
		type: 'call.exited',
		...callFields(row),
		reason,
		waitSeconds: waitIndex === undefined ? undefined : wholeNumber(row, waitIndex, 'wait time')
	});
/** TRANSFER/BLINDTRANSFER: extension|context|holdtime|calltime|origposition. */
const transferred = (row: QueueLogRow): Fields => ({
	type: 'call.transferred',
	...callFields(row),
	agent: agentOf(row),
	target: present(row.data[0] ?? ''),
	waitSeconds: wholeNumber(row, 2, 'hold time'),
	talkSeconds: wholeNumber(row, 3, 'talk time')
});
/** ATTENDEDTRANSFER: BRIDGE|id or APP|app|data, then holdtime|calltime|origposition. */
const attendedTransferred = (row: QueueLogRow): Fields => ({
	type: 'call.transferred',
	...callFields(row),
	agent: agentOf(row),
	waitSeconds: wholeNumber(row, row.data.length - 3, 'hold time'),
	talkSeconds: wholeNumber(row, row.data.length - 2, 'talk time')
});
const agentEvent =
	(type: 'agent.logged_in' | 'agent.logged_out' | 'agent.unpaused') =>
	(row: QueueLogRow): Fields => ({ type, ...agentFields(row) });
const paused = (row: QueueLogRow): Fields => ({
	type: 'agent.paused',
	...agentFields(row),
	reason: present(row.data[0] ?? '')
});

/** The queue_log events Sigap reads; every other event becomes `pbx.other`. */
export const QUEUE_EVENTS: Record<string, (row: QueueLogRow) => Fields> = {
	ENTERQUEUE: (row) => ({
		type: 'call.entered',
		...callFields(row),
		caller: present(row.data[1] ?? '') // url|callerid|position
	}),
	CONNECT: (row) => ({
		type: 'call.connected', // holdtime|bridged uniqueid|ringtime
		...callFields(row),
		agent: required(agentOf(row), 'agent', row),
		waitSeconds: wholeNumber(row, 0, 'hold time'),
		ringSeconds: wholeNumber(row, 2, 'ring time')
	}),
	COMPLETEAGENT: completed('agent'),
	COMPLETECALLER: completed('caller'),
	ABANDON: (row) => ({
		type: 'call.abandoned', // position|origposition|waittime
		...callFields(row),
		position: wholeNumber(row, 0, 'position'),
		waitSeconds: wholeNumber(row, 2, 'wait time')
	}),
	EXITWITHTIMEOUT: exited('timeout', 2), // position|origposition|waittime
	EXITEMPTY: exited('empty', 2),
	EXITWITHKEY: exited('key', 3), // key|position|origposition|waittime
	FULL: exited('full'),
	JOINEMPTY: exited('joinempty'),
	CLOSED: exited('closed'),
	TRANSFER: transferred,
	BLINDTRANSFER: transferred,
	ATTENDEDTRANSFER: attendedTransferred,
	AGENTLOGIN: agentEvent('agent.logged_in'),
	AGENTCALLBACKLOGIN: agentEvent('agent.logged_in'),
	ADDMEMBER: agentEvent('agent.logged_in'),
	AGENTLOGOFF: agentEvent('agent.logged_out'),
	AGENTCALLBACKLOGOFF: agentEvent('agent.logged_out'),
	REMOVEMEMBER: agentEvent('agent.logged_out'),
	PAUSE: paused,
	PAUSEALL: paused,
	UNPAUSE: agentEvent('agent.unpaused'),
	UNPAUSEALL: agentEvent('agent.unpaused'),
	SIGAP_IVR: (row) => ({
		type: 'call.classified', // province|issue type, written by the IVR dialplan
		callId: required(present(row.callId), 'call id', row),
		province: present(row.data[0] ?? ''),
		issueType: present(row.data[1] ?? '')
	})
};

const MAX_OTHER_DATA = 10;

function otherFields(row: QueueLogRow): Fields {
	const data = row.data.slice(0, MAX_OTHER_DATA).map((d) => d.slice(0, 500));
	return {
		type: 'pbx.other',
		event: row.event,
		callId: present(row.callId),
		queue: present(row.queue),
		agent: agentOf(row),
		data: data.length ? data : undefined
	};
}

/** True when Sigap gives the row's event a meaning; the rest is kept as `pbx.other`. */
export function isQueueEvent(event: string): boolean {
	return Object.hasOwn(QUEUE_EVENTS, event.toUpperCase());
}

const AGENT_STEPS: Record<string, AgentStep> = {
	'agent.logged_in': 'login',
	'agent.logged_out': 'logoff',
	'agent.paused': 'pause',
	'agent.unpaused': 'unpause'
};

/**
 * The id of a row's event: the logical id AMI gives the same event (pbx-ids.ts), so one call
 * reported by both is one contact; rows kept as `pbx.other` keep their content-derived id.
 */
function eventIdOf(fields: Fields, row: QueueLogRow): string {
	const f = fields as Record<string, string | undefined>;
	const { type } = fields;
	if (type === 'call.entered') return callEventId(f.callId!, f.queue!, 'entered');
	if (type === 'call.connected') return callEventId(f.callId!, f.queue!, 'connected');
	if (type === 'call.classified') return classifiedEventId(f.callId!, row.at);
	if (type in AGENT_STEPS) return agentEventId(f.agent!, f.queue, AGENT_STEPS[type]!, row.at);
	if (type.startsWith('call.')) return callEventId(f.callId!, f.queue!, 'ended');
	return rowEventId(row);
}

/**
 * The wire event of a row (not yet schema-checked), with its id (eventIdOf).
 * Throws RowProblem when a field the event needs is missing or garbled.
 */
export function rowToWireEvent(row: QueueLogRow): WireEvent {
	const fields = (QUEUE_EVENTS[row.event.toUpperCase()] ?? otherFields)(row);
	const event: Record<string, unknown> = {
		id: eventIdOf(fields, row),
		at: new Date(row.at).toISOString()
	};
	for (const [key, value] of Object.entries(fields)) if (value !== undefined) event[key] = value;
	return event as WireEvent;
}
