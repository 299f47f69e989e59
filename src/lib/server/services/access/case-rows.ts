/** Which case rows a principal may see (issue 5 §2): its scope; agents their own cases. */
import { coversResource } from '../../../domain/access/can';
import type { Principal } from '../../../domain/access/principal';
import type { CaseRow } from '../../../contracts/cases';

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
