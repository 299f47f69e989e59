/**
 * Cases and scope (issue 5 §2): where a case is, for the request gate and the socket guard,
 * and which work-queue rows a principal may see. Agents see the cases assigned to them.
 */
import type { Resource } from '../../../domain/access/can';
import type { Container } from '../../container';
import { getCase } from '../cases';

/** The place of a case by id or number, or null when there is no such case (the route says 404). */
export async function placeCase(c: Container, idOrNumber: string): Promise<Resource | null> {
	try {
		const view = await getCase(c, idOrNumber);
		return {
			province: view.provinceCode,
			issueType: view.issueType,
			assigneeId: view.assignee?.id ?? null
		};
	} catch (error) {
		if ((error as { code?: string }).code === 'not_found') return null;
		throw error;
	}
}

export { caseRowVisible } from './case-rows';
