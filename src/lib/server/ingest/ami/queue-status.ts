/**
 * The answer to the `QueueStatus` action (QueueParams, QueueMember, QueueEntry …
 * QueueStatusComplete): who is waiting and who is a member right now. The reconciliation after
 * a (re)connect compares it with what Sigap believes (queue-tracker.ts).
 */
import { agentOf, isTrue } from './fields';
import { field, firstField, type AmiMessage } from './frame';

export interface WaitingCaller {
	callId: string;
	queue: string;
	/** Seconds in queue when the PBX answered. */
	waitSeconds: number;
	caller?: string;
}

export interface QueueMembership {
	agent: string;
	queue: string;
	paused: boolean;
	reason?: string;
	/**
	 * On a call now: `InCall` (12+, the queue's own count), else the device `Status` (1.8/11:
	 * 2 in use, 3 busy, 7 ringing in use, 8 on hold); null when neither tells.
	 */
	inCall: boolean | null;
}

/** Device states (`Status`) of a member that is free, or unable to be on a call. */
const FREE_STATUS = new Set(['1', '4', '5']);
const BUSY_STATUS = new Set(['2', '3', '7', '8']);

function inCallOf(m: AmiMessage): boolean | null {
	const inCall = field(m, 'InCall')?.trim();
	if (inCall === '0' || inCall === '1') return inCall === '1';
	const status = field(m, 'Status')?.trim() ?? '';
	return BUSY_STATUS.has(status) ? true : FREE_STATUS.has(status) ? false : null;
}

export interface QueueSnapshot {
	waiting: WaitingCaller[];
	members: QueueMembership[];
	/** Entries the snapshot could not use (no Uniqueid, no member name), for dead letters. */
	unreadable: { message: AmiMessage; reason: string }[];
}

/** Reads the QueueStatus events; a malformed entry is reported, never guessed. */
export function readQueueStatus(events: AmiMessage[]): QueueSnapshot {
	const snapshot: QueueSnapshot = { waiting: [], members: [], unreadable: [] };
	for (const m of events) {
		const kind = field(m, 'Event')?.toLowerCase();
		const queue = field(m, 'Queue')?.trim();
		if (kind === 'queueentry') {
			const callId = firstField(m, 'Uniqueid', 'UniqueID')?.trim();
			const wait = Number(field(m, 'Wait'));
			if (!queue || !callId) {
				snapshot.unreadable.push({ message: m, reason: 'QueueEntry has no Queue or Uniqueid' });
				continue;
			}
			const caller = firstField(m, 'CallerIDNum', 'CallerID')?.trim();
			snapshot.waiting.push({
				callId,
				queue,
				waitSeconds: Number.isFinite(wait) && wait >= 0 ? wait : 0,
				caller: caller && !/unknown/i.test(caller) ? caller.slice(0, 64) : undefined
			});
		} else if (kind === 'queuemember') {
			const agent = agentOf(m);
			if (!queue || !agent) {
				snapshot.unreadable.push({ message: m, reason: 'QueueMember has no Queue or Name' });
				continue;
			}
			const reason = firstField(m, 'PausedReason')?.trim() || undefined;
			snapshot.members.push({
				agent,
				queue,
				paused: isTrue(field(m, 'Paused')),
				reason,
				inCall: inCallOf(m)
			});
		}
	}
	return snapshot;
}
