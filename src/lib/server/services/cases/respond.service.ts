/**
 * A reply to the reporter by a person (sla.md §Policies: first response — not an automatic
 * acknowledgement). The first one meets the first-response target; later ones are history.
 */
import { isOpenStatus, type CaseStatus } from '../../../domain/cases/facts';
import { caseResponseSchema } from '../../../contracts/cases';
import type { Container } from '../../container';
import { changeCase } from './commit';
import { fromIssues, invalid } from './errors';
import { actingAs } from '../access/request-context';

export async function respond(
	c: Container,
	caseId: string,
	raw: unknown
): Promise<{ version: number }> {
	const parsed = caseResponseSchema.safeParse(raw);
	if (!parsed.success) throw fromIssues(parsed.error.issues);
	const input = parsed.data;
	if (input.agentId && !c.cases.directory.agents.has(input.agentId)) {
		throw invalid('agentId', `unknown agent "${input.agentId}"`);
	}
	const updated = await changeCase(c, caseId, input.expectedVersion, (current, now) => {
		if (!isOpenStatus(current.status as CaseStatus)) {
			throw invalid('status', `case ${current.number} is ${current.status}; reopen it to reply`);
		}
		const first = current.firstResponseAt === null;
		return {
			patch: first ? { firstResponseAt: new Date(now) } : {},
			history: [
				{
					actor: actingAs(input.actor),
					kind: 'responded',
					fromValue: null,
					toValue: input.agentId ?? current.assigneeId,
					reason: null,
					payload: { first, ...(input.message ? { message: input.message } : {}) }
				}
			],
			events: first ? ['case.responded'] : []
		};
	});
	return { version: updated.version };
}
