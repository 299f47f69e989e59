/**
 * The SLA configuration in force, built from the database (sla.md: the calendar in the database
 * is the truth). One evaluator serves the scheduler, the case views and the metrics engine, so
 * the wall's at-risk and breached counts are the scheduler's.
 */
import type { BusinessCalendar } from '../../../domain/calendar/types';
import { createSlaEvaluator, type SlaEvaluator } from '../../../domain/sla/evaluator';
import type { Db } from '../../db';
import {
	loadSlaConfig,
	seedCalendar,
	seedPolicy,
	toSlaPolicy,
	type SlaConfigRows
} from '../../repositories/sla-config.repository';
import { seedDirectory } from '../../repositories/directory.repository';
import { DEFAULT_CALENDARS, DEFAULT_DIRECTORY, DEFAULT_POLICIES } from '../../seed/sla-defaults';

export interface SlaSettings {
	evaluator: SlaEvaluator;
	calendars: Map<string, BusinessCalendar>;
	rows: SlaConfigRows;
}

/** Builds the evaluator from stored rows; throws `SlaConfigError` listing every problem. */
export function settingsOf(rows: SlaConfigRows): SlaSettings {
	const calendars = rows.calendars.map(({ updatedAt: _u, ...c }) => c);
	const evaluator = createSlaEvaluator({
		calendars,
		policies: rows.current.map(toSlaPolicy),
		retired: rows.retired.map(toSlaPolicy)
	});
	return { evaluator, calendars: new Map(calendars.map((c) => [c.id, c])), rows };
}

export async function loadSlaSettings(db: Db): Promise<SlaSettings> {
	return settingsOf(await loadSlaConfig(db));
}

/** Seeds what a fresh install needs; rows already there (perhaps edited) are left alone. */
export async function seedCaseData(db: Db): Promise<void> {
	for (const { calendar, holidays } of DEFAULT_CALENDARS) {
		await seedCalendar(db, calendar, [...holidays]);
	}
	for (const p of DEFAULT_POLICIES) await seedPolicy(db, p);
	await seedDirectory(db, DEFAULT_DIRECTORY);
}
