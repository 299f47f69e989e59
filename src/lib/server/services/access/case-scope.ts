/**
 * Cases and scope (issue 5 §2): where a case is, for the request gate and the socket guard,
 * and which work-queue rows a principal may see. Agents see the cases assigned to them.
 */
import { coversResource, type Resource } from '../../../domain/access/can';
import type { Principal } from '../../../domain/access/principal';
import type { CaseRow } from '../../../contracts/cases';
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

/** The row filter of the work queue, lists and case facts for a principal (none: see nothing). */
export function caseRowVisible(p: Principal | null | undefined): (row: CaseRow) => boolean {
	if (!p) return () => false;
	return (row) =>
		coversResource(p, {
			province: row.provinceCode,
			issueType: row.issueType,
			assigneeId: row.assignee?.id ?? null
		});
}
