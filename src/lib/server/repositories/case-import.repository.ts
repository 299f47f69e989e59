/** Which source records an earlier import turned into cases (history import, issue 6). */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { caseImports } from '../db/schema';

/** The record ids of `source` already imported, among `recordIds`. */
export async function importedRecords(
	db: Db,
	source: string,
	recordIds: readonly string[]
): Promise<Set<string>> {
	const out = new Set<string>();
	for (let i = 0; i < recordIds.length; i += 500) {
		const rows = await db
			.select({ id: caseImports.recordId })
			.from(caseImports)
			.where(
				and(
					eq(caseImports.source, source),
					inArray(caseImports.recordId, recordIds.slice(i, i + 500))
				)
			);
		for (const r of rows) out.add(r.id);
	}
	return out;
}

/** Notes that `recordId` of `source` became case `caseId`. */
export async function recordImport(
	db: Db,
	source: string,
	recordId: string,
	caseId: string
): Promise<void> {
	await db.insert(caseImports).values({ source, recordId, caseId }).onConflictDoNothing();
}
