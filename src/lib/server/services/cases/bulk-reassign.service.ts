/**
 * Bulk reassignment (issue 3 §Team lead work queue): one target and reason for many cases, each
 * with the version its row showed. Every case is its own reassignment — its own transaction,
 * history entry and broadcast — so one conflict never undoes the others; the answer says per
 * case what happened.
 */
import {
	bulkReassignSchema,
	type BulkItemResult,
	type BulkReassignResult
} from '../../../contracts/cases';
import type { Container } from '../../container';
import { CaseServiceError, fromIssues } from './errors';
import { reassign } from './reassign.service';
import { activeAgent, activeTeam } from './targets';

export async function reassignMany(c: Container, raw: unknown): Promise<BulkReassignResult> {
	const parsed = bulkReassignSchema.safeParse(raw);
	if (!parsed.success) throw fromIssues(parsed.error.issues);
	const { items, ...common } = parsed.data;
	// A bad target fails the whole request: no case would succeed.
	if (common.assigneeId) activeAgent(c, common.assigneeId);
	if (common.teamId) activeTeam(c, common.teamId);
	const results: BulkItemResult[] = [];
	for (const { caseId, expectedVersion } of items) {
		try {
			const { version } = await reassign(c, caseId, { ...common, expectedVersion });
			results.push({ caseId, result: 'ok', version });
		} catch (error) {
			results.push(itemError(caseId, error));
		}
	}
	return { results };
}

function itemError(caseId: string, error: unknown): BulkItemResult {
	if (!(error instanceof CaseServiceError)) throw error;
	if (error.code === 'conflict' && error.current) {
		return { caseId, result: 'conflict', message: error.message, current: error.current };
	}
	const result = error.code === 'not_found' ? 'not_found' : 'invalid';
	return { caseId, result, message: error.message };
}
