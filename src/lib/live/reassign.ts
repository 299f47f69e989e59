/**
 * One reassignment over the socket (`case:reassign`, issue 3 §7): the version the team lead
 * saw travels with it, and the answer becomes a per-case outcome the page can list, with the
 * server's own "already reassigned by … to …, refresh?" message on a conflict.
 */
import type { Ack, ErrorCode } from '$contracts/socket';
import type { WallSocket } from './socket';

export interface ReassignRequest {
	caseId: string;
	/** Shown in the results; not sent. */
	number: string;
	expectedVersion: number;
	assigneeId?: string;
	teamId?: string;
	reason: string;
	actor: string;
}

export type ReassignResult = 'ok' | 'conflict' | 'not_found' | 'invalid';

export interface ReassignOutcome {
	caseId: string;
	number: string;
	result: ReassignResult;
	/** The new version when ok; otherwise the server's message. */
	version?: number;
	message?: string;
}

const RESULT_OF: Record<ErrorCode, ReassignResult> = {
	conflict: 'conflict',
	not_found: 'not_found',
	invalid_payload: 'invalid',
	forbidden: 'invalid',
	internal: 'invalid'
};

/** The outcome of one answer (or of no answer: `ack` null after a timeout). */
export function outcomeOf(
	request: Pick<ReassignRequest, 'caseId' | 'number'>,
	ack: Ack<{ version: number }> | null
): ReassignOutcome {
	const { caseId, number } = request;
	if (!ack) return { caseId, number, result: 'invalid', message: 'no answer from the server' };
	if (ack.ok) return { caseId, number, result: 'ok', version: ack.data.version };
	return { caseId, number, result: RESULT_OF[ack.error.code], message: ack.error.message };
}

/** Sends one `case:reassign` command and waits for its answer (or the timeout). */
export function reassignOne(
	socket: WallSocket,
	request: ReassignRequest,
	timeoutMs: number
): Promise<ReassignOutcome> {
	const { caseId, expectedVersion, assigneeId, teamId, reason, actor } = request;
	const command = {
		caseId,
		expectedVersion,
		reason,
		// An empty name is left out: the server records "anonymous" rather than refusing.
		...(actor.trim() ? { actor: actor.trim() } : {}),
		...(assigneeId ? { assigneeId } : {}),
		...(teamId ? { teamId } : {})
	};
	return new Promise((resolve) => {
		socket
			.timeout(timeoutMs)
			.emit('case:reassign', command, (err, ack) => resolve(outcomeOf(request, err ? null : ack)));
	});
}
