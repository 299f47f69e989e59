/**
 * What source health reads from the store (issue 4 §6): arrivals of the last hour (to rebuild
 * the per-minute rates at start), the last arrival of a source quiet for longer, and the
 * per-source quiet-limit overrides.
 */
import { desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../db';
import { contactEvents, sourceSettings } from '../db/schema';

const PAGE = 5000;

/**
 * Arrivals (source, received instant) since `from`, newest first. Walks the store backwards
 * by id (its primary key; ids grow with arrival), so a big store costs only the last hour.
 */
export async function arrivalsSince(
	db: Db,
	from: number
): Promise<{ source: string; at: number }[]> {
	const out: { source: string; at: number }[] = [];
	let before: number | null = null;
	for (;;) {
		const page: { id: number; source: string; at: Date }[] = await db
			.select({ id: contactEvents.id, source: contactEvents.source, at: contactEvents.receivedAt })
			.from(contactEvents)
			.where(before === null ? undefined : lt(contactEvents.id, before))
			.orderBy(desc(contactEvents.id))
			.limit(PAGE);
		for (const r of page)
			if (r.at.getTime() >= from) out.push({ source: r.source, at: r.at.getTime() });
		const last = page.at(-1);
		if (!last || page.length < PAGE || last.at.getTime() < from) return out;
		before = last.id;
	}
}

/** When the source's newest event arrived; null when it never sent one. */
export async function lastArrival(db: Db, source: string): Promise<number | null> {
	const [row] = await db
		.select({ at: contactEvents.receivedAt })
		.from(contactEvents)
		.where(eq(contactEvents.source, source))
		.orderBy(desc(contactEvents.id))
		.limit(1);
	return row ? row.at.getTime() : null;
}

/** Per-source quiet limits set by administrators (minutes; 0: never warn). */
export async function quietOverrides(db: Db): Promise<Map<string, number>> {
	const rows = await db.select().from(sourceSettings);
	return new Map(rows.map((r) => [r.source, r.quietMinutes]));
}

/** Sets a source's quiet limit, or (null) goes back to the default. */
export async function saveQuietOverride(
	db: Db,
	source: string,
	minutes: number | null,
	by: string | null,
	at: number
): Promise<void> {
	if (minutes === null) {
		await db.delete(sourceSettings).where(eq(sourceSettings.source, source));
		return;
	}
	const values = { quietMinutes: minutes, updatedAt: new Date(at), updatedBy: by };
	await db
		.insert(sourceSettings)
		.values({ source, ...values })
		.onConflictDoUpdate({ target: sourceSettings.source, set: values });
}
