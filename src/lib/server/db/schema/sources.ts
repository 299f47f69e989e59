/**
 * Health of sources (issue 4 §6): per-source overrides of the quiet limit
 * (`SIGAP_SOURCE_QUIET_MINUTES` is the default), edited on /admin/sources. A source is a name
 * events are stored under (an ingest key's source, the AMI source, `whatsapp`, `chatwoot`).
 */
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const sourceSettings = pgTable('source_settings', {
	source: text('source').primaryKey(),
	/** Business minutes of silence before the wall warns; 0: never warn for this source. */
	quietMinutes: integer('quiet_minutes').notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
	/** Who changed it last (an e-mail, or `cli:<user>`). */
	updatedBy: text('updated_by')
});
