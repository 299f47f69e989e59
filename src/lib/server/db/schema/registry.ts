/**
 * The Simkopdes cooperative registry (issue 4 §4): each cooperative sits in one official village;
 * its managers' phone numbers (E.164) place calls and chats from them on the map.
 */
import { index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { villages } from './core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const cooperatives = pgTable(
	'cooperatives',
	{
		id: text('id').primaryKey(),
		name: text('name').notNull(),
		legalNumber: text('legal_number'),
		villageCode: text('village_code')
			.notNull()
			.references(() => villages.code),
		/** Which registry it came from (`file:<name>`, later the live API) and when. */
		importedFrom: text('imported_from').notNull(),
		importedAt: instant('imported_at').notNull()
	},
	(t) => [index('cooperatives_village_idx').on(t.villageCode)]
);

export const cooperativePhones = pgTable(
	'cooperative_phones',
	{
		cooperativeId: text('cooperative_id')
			.notNull()
			.references(() => cooperatives.id, { onDelete: 'cascade' }),
		phone: text('phone').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.cooperativeId, t.phone] }),
		index('cooperative_phones_phone_idx').on(t.phone)
	]
);
