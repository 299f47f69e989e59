/**
 * AMI queue events as Sigap wire events — metrics.md §Calls, with the ids queue_log gives
 * the same events (pbx-ids.ts). Asterisk 1.8/11 and 12+ names are both read:
 * Join/QueueCallerJoin → call.entered · AgentConnect → call.connected · QueueCallerAbandon →
 * call.abandoned · AgentComplete → call.completed, or call.transferred (Reason: transfer) ·
 * AgentRingNoAnswer → pbx.other RINGNOANSWER (a caller rung without answer is still waiting) ·
 * QueueMemberAdded/Removed → agent.logged_in/out · QueueMemberPause/QueueMemberPaused →
 * agent.paused/unpaused · UserEvent SIGAP_IVR → call.classified. A queue leave
 * (Leave/QueueCallerLeave) needs the state of queue-tracker.ts to tell an exit from a connect.
 */
import type { WireEvent } from '../../../contracts/ingest';
import { agentEventId, callEventId, classifiedEventId } from '../pbx-ids';
import { agentOf, AmiProblem, callOf, eventName, isTrue, required, seconds, wire } from './fields';
import { field, firstField, type AmiMessage } from './frame';

type Mapper = (m: AmiMessage, at: number) => WireEvent[];

const entered: Mapper = (m, at) => {
	const call = callOf(m);
	const caller = firstField(m, 'CallerIDNum', 'CallerID')?.trim();
	const known = caller && !/^(unknown|<unknown>)$/i.test(caller) ? caller.slice(0, 64) : undefined;
	return [
		wire(callEventId(call.callId, call.queue, 'entered'), at, {
			type: 'call.entered',
			...call,
			caller: known
		})
	];
};

const connected: Mapper = (m, at) => {
	const call = callOf(m);
	const agent = agentOf(m);
	if (!agent) throw new AmiProblem('AgentConnect has no MemberName');
	return [
		wire(callEventId(call.callId, call.queue, 'connected'), at, {
			type: 'call.connected',
			...call,
			agent,
			waitSeconds: seconds(m, 'HoldTime', 'Holdtime'),
			ringSeconds: seconds(m, 'RingTime', 'Ringtime')
		})
	];
};

const abandoned: Mapper = (m, at) => {
	const call = callOf(m);
	return [
		wire(callEventId(call.callId, call.queue, 'ended'), at, {
			type: 'call.abandoned',
			...call,
			position: seconds(m, 'Position'),
			waitSeconds: seconds(m, 'HoldTime', 'Holdtime')
		})
	];
};

const completed: Mapper = (m, at) => {
	const call = callOf(m);
	const reason = field(m, 'Reason')?.trim().toLowerCase();
	const common = {
		...call,
		agent: agentOf(m),
		waitSeconds: seconds(m, 'HoldTime', 'Holdtime'),
		talkSeconds: seconds(m, 'TalkTime', 'Talktime')
	};
	const id = callEventId(call.callId, call.queue, 'ended');
	if (reason === 'transfer') return [wire(id, at, { type: 'call.transferred', ...common })];
	if (common.talkSeconds === undefined) throw new AmiProblem('AgentComplete has no TalkTime');
	return [
		wire(id, at, { type: 'call.completed', ...common, by: reason === 'agent' ? 'agent' : 'caller' })
	];
};

const rangNoAnswer: Mapper = (m, at) => {
	const call = callOf(m);
	const agent = agentOf(m);
	const ring = seconds(m, 'RingTime', 'Ringtime');
	const id = `call:${call.callId}:${call.queue}:ringnoanswer:${agent ?? ''}:${Math.floor(at / 1000)}`;
	return [
		wire(id, at, {
			type: 'pbx.other',
			event: 'RINGNOANSWER',
			...call,
			agent,
			data: ring === undefined ? undefined : [String(ring * 1000)]
		})
	];
};

function member(m: AmiMessage): { agent: string; queue: string } {
	const agent = agentOf(m);
	if (!agent) throw new AmiProblem(`${eventName(m)} has no MemberName`);
	return { agent, queue: required(m, 'Queue') };
}

/** A member's pause state as events: paused (with reason) or unpaused. */
export function pauseEvents(
	agent: string,
	queue: string,
	paused: boolean,
	reason: string | undefined,
	at: number
) {
	const step = paused ? 'pause' : 'unpause';
	const fields = paused
		? { type: 'agent.paused', agent, queue, reason: reason?.trim().slice(0, 100) || undefined }
		: { type: 'agent.unpaused', agent, queue };
	return [wire(agentEventId(agent, queue, step, at), at, fields)];
}

export function loginEvents(agent: string, queue: string, loggedIn: boolean, at: number) {
	const type = loggedIn ? 'agent.logged_in' : 'agent.logged_out';
	return [
		wire(agentEventId(agent, queue, loggedIn ? 'login' : 'logoff', at), at, { type, agent, queue })
	];
}

const added: Mapper = (m, at) => {
	const { agent, queue } = member(m);
	const events = loginEvents(agent, queue, true, at);
	return isTrue(field(m, 'Paused'))
		? [...events, ...pauseEvents(agent, queue, true, pausedReason(m), at)]
		: events;
};

const removed: Mapper = (m, at) => {
	const { agent, queue } = member(m);
	return loginEvents(agent, queue, false, at);
};

/** 13+ `PausedReason`, 12 `Reason`. */
const pausedReason = (m: AmiMessage) => firstField(m, 'PausedReason', 'Reason');

const pause: Mapper = (m, at) => {
	const { agent, queue } = member(m);
	return pauseEvents(agent, queue, isTrue(field(m, 'Paused')), pausedReason(m), at);
};

const classified: Mapper = (m, at) => {
	const callId = required(m, 'Uniqueid', 'UniqueID');
	const value = (name: string) => field(m, name)?.trim() || undefined;
	return [
		wire(classifiedEventId(callId, at), at, {
			type: 'call.classified',
			callId,
			province: value('Province'),
			issueType: value('IssueType')
		})
	];
};

/** The AMI events mapped without state, by event name (lower case). */
export const STATELESS: Record<string, Mapper> = {
	join: entered,
	queuecallerjoin: entered,
	agentconnect: connected,
	queuecallerabandon: abandoned,
	agentcomplete: completed,
	agentringnoanswer: rangNoAnswer,
	queuememberadded: added,
	queuememberremoved: removed,
	queuememberpause: pause,
	queuememberpaused: pause
};

/** `UserEvent: SIGAP_IVR` — what the IVR dialplan sends (README §AMI). */
export function mapUserEvent(m: AmiMessage, at: number): WireEvent[] | null {
	return field(m, 'UserEvent')?.trim().toUpperCase() === 'SIGAP_IVR' ? classified(m, at) : null;
}
