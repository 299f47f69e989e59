/**
 * Business calendars, their holidays and the SLA policy revisions (sla.md: the calendar in the
 * database is the truth). A policy edit supersedes the current revision and adds the next, so
 * cases keep the revision they were created under.
 */
import { and, asc, eq, isNull, max } from 'drizzle-orm';
import type { BusinessCalendar, Holiday, HolidayKind } from '../../domain/calendar/types';
import type { SlaPolicy } from '../../domain/sla/policy';
import type { Db } from '../db';
import { calendars, holidays, slaPolicies } from '../db/schema';

export type PolicyRow = typeof slaPolicies.$inferSelect;

/** The evaluator's id of a revision: `default@2`. */
export const revisionId = (p: Pick<PolicyRow, 'id' | 'revision'>) => `${p.id}@${p.revision}`;

export function toSlaPolicy(p: PolicyRow): SlaPolicy {
	return {
		id: revisionId(p),
		name: p.name,
		issueType: p.issueType,
		priority: p.priority as SlaPolicy['priority'],
		channel: p.channel as SlaPolicy['channel'],
		firstResponseMinutes: p.firstResponseMinutes,
		resolutionMinutes: p.resolutionMinutes,
		atRiskPercent: p.atRiskPercent,
		calendarId: p.calendarId
	};
}

export interface SlaConfigRows {
	calendars: (BusinessCalendar & { updatedAt: Date })[];
	current: PolicyRow[];
	retired: PolicyRow[];
}

/** Every calendar with its holidays, and every policy revision (current and superseded). */
export async function loadSlaConfig(db: Db): Promise<SlaConfigRows> {
	const cals = await db.select().from(calendars).orderBy(asc(calendars.id));
	const days = await db.select().from(holidays).orderBy(asc(holidays.date));
	const policies = await db
		.select()
		.from(slaPolicies)
		.orderBy(asc(slaPolicies.id), asc(slaPolicies.revision));
	return {
		calendars: cals.map((c) => ({
			id: c.id,
			name: c.name,
			timeZone: c.timeZone,
			weekly: c.weekly,
			overrides: c.overrides,
			holidays: days
				.filter((h) => h.calendarId === c.id)
				.map((h) => ({
					date: h.date,
					name: h.name,
					source: h.source,
					kind: h.kind as HolidayKind
				})),
			updatedAt: c.updatedAt
		})),
		current: policies.filter((p) => p.supersededAt === null),
		retired: policies.filter((p) => p.supersededAt !== null)
	};
}

/**
 * Creates or replaces a calendar and its holiday list in one transaction. With `onlyNew` an
 * existing calendar is left as it is (holidays included) and the answer is false.
 */
export async function saveCalendar(
	db: Db,
	cal: BusinessCalendar,
	now: Date,
	onlyNew = false
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const row = {
			name: cal.name,
			timeZone: cal.timeZone,
			weekly: cal.weekly.map((d) => d.map(([s, e]) => [s, e] as [number, number])),
			overrides: Object.fromEntries(
				Object.entries(cal.overrides).map(([k, v]) => [
					k,
					v.map(([s, e]) => [s, e] as [number, number])
				])
			),
			updatedAt: now
		};
		const insert = tx.insert(calendars).values({ id: cal.id, ...row });
		if (onlyNew) {
			const stored = await insert
				.onConflictDoNothing({ target: calendars.id })
				.returning({ id: calendars.id });
			if (stored.length === 0) return false;
		} else {
			await insert.onConflictDoUpdate({ target: calendars.id, set: row });
		}
		await tx.delete(holidays).where(eq(holidays.calendarId, cal.id));
		if (cal.holidays.length) {
			await tx.insert(holidays).values(cal.holidays.map((h) => ({ calendarId: cal.id, ...h })));
		}
		return true;
	});
}

/** Seeds a calendar only when it does not exist (an administrator's edits win). */
export async function seedCalendar(
	db: Db,
	cal: BusinessCalendar,
	seedHolidays: Holiday[]
): Promise<void> {
	const [exists] = await db
		.select({ id: calendars.id })
		.from(calendars)
		.where(eq(calendars.id, cal.id));
	if (!exists) await saveCalendar(db, { ...cal, holidays: seedHolidays }, new Date(0));
}

export type PolicyInput = Omit<SlaPolicy, 'id' | 'atRiskPercent'> & {
	id: string;
	atRiskPercent: number;
};

/**
 * Supersedes the current revision of `p.id` (if any) and stores the next one. With `onlyNew`
 * a policy whose id has a current revision is left as it is and the answer is null (a retired
 * id may be used again: its revisions go on from the last).
 */
export async function savePolicyRevision(
	db: Db,
	p: PolicyInput,
	now: Date,
	onlyNew = false
): Promise<PolicyRow | null> {
	return db.transaction(async (tx) => {
		const [{ last } = { last: null }] = await tx
			.select({ last: max(slaPolicies.revision) })
			.from(slaPolicies)
			.where(eq(slaPolicies.id, p.id));
		const current = and(eq(slaPolicies.id, p.id), isNull(slaPolicies.supersededAt));
		if (onlyNew) {
			const taken = await tx.select({ id: slaPolicies.id }).from(slaPolicies).where(current);
			if (taken.length > 0) return null;
		}
		await tx.update(slaPolicies).set({ supersededAt: now }).where(current);
		const [row] = await tx
			.insert(slaPolicies)
			.values({ ...p, revision: (last ?? 0) + 1, createdAt: now })
			.returning();
		return row!;
	});
}

/** Seeds a policy only when no revision of it exists. */
export async function seedPolicy(db: Db, p: PolicyInput): Promise<void> {
	await db
		.insert(slaPolicies)
		.values({ ...p, revision: 1, createdAt: new Date(0) })
		.onConflictDoNothing();
}

/** Retires a policy (every revision stays for the cases that name one). */
export async function retirePolicy(db: Db, id: string, now: Date): Promise<number> {
	const rows = await db
		.update(slaPolicies)
		.set({ supersededAt: now })
		.where(and(eq(slaPolicies.id, id), isNull(slaPolicies.supersededAt)))
		.returning({ id: slaPolicies.id });
	return rows.length;
}
