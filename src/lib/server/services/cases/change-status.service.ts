/**
 * Status changes (issue 3 §Cases; sla.md §Policies): waiting on the reporter stops the
 * resolution clock, resolving or closing meets it, leaving resolved/closed reopens it where it
 * stopped. Each change is one history entry and its contact events.
 */
import { CaseRuleError, decideStatusChange } from '../../../domain/cases/status';
import type { CaseStatus } from '../../../domain/cases/facts';
import { caseStatusChangeSchema } from '../../../contracts/cases';
import type { Container } from '../../container';
import { changeCase } from './commit';
import { fromIssues, invalid } from './errors';
import { clockColumns, summaryOf } from './records';
import { actingAs } from '../access/request-context';

export async function changeStatus(
	c: Container,
	caseId: string,
	raw: unknown
): Promise<{ version: number }> {
	const parsed = caseStatusChangeSchema.safeParse(raw);
	if (!parsed.success) throw fromIssues(parsed.error.issues);
	const input = parsed.data;
	const updated = await changeCase(c, caseId, input.expectedVersion, (current, now) => {
		const facts = summaryOf(current);
		let decision;
		try {
			decision = decideStatusChange(
				facts,
				input.status as CaseStatus,
				now,
				current.assigneeId !== null
			);
		} catch (error) {
			if (error instanceof CaseRuleError) throw invalid(error.field, error.message);
			throw error;
		}
		return {
			patch: clockColumns(decision.facts),
			history: [
				{
					actor: actingAs(input.actor),
					kind: 'status',
					fromValue: current.status,
					toValue: input.status,
					reason: input.reason ?? null,
					payload: { events: decision.events }
				}
			],
			events: decision.events
		};
	});
	return { version: updated.version };
}
