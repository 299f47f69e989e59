/**
 * History imports (issue 6 §History import): which source record became which case, so an
 * import run twice creates nothing twice.
 */
import { pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const caseImports = pgTable(
	'case_imports',
	{
		/** The mapping's `source` (e.g. `nyc-311`). */
		source: text('source').notNull(),
		/** The source system's own record id. */
		recordId: text('record_id').notNull(),
		caseId: text('case_id').notNull(),
		importedAt: timestamp('imported_at', { withTimezone: true, mode: 'date' })
			.notNull()
			.defaultNow()
	},
	(t) => [primaryKey({ columns: [t.source, t.recordId] })]
);
