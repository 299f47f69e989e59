/**
 * Administration of calendars and SLA policies (issue 3 §Business calendars, §SLA policies).
 * An edit is checked by building the evaluator it would produce BEFORE anything is stored (a
 * bad edit changes nothing); once stored, the evaluator is rebuilt from the database and every
 * open case and the wall are evaluated again. A policy edit is a new revision: cases created
 * before it keep theirs. A create (`{ create: true }`: the admin page's new calendar or policy)
 * with an id already in use is refused as a conflict naming `id`, and nothing changes.
 */
import { CalendarError, compileCalendar } from '../../../domain/calendar/compile';
import { SlaConfigError } from '../../../domain/sla/evaluator';
import { toWibIso } from '../../../domain/time/wib';
import {
	calendarSaveSchema,
	slaPolicySaveSchema,
	type CalendarView,
	type SlaPolicyView
} from '../../../contracts/cases';
import type { Container } from '../../container';
import {
	loadSlaConfig,
	retirePolicy,
	saveCalendar,
	savePolicyRevision,
	type PolicyRow,
	type SlaConfigRows
} from '../../repositories/sla-config.repository';
import { calendarOf, calendarView } from './calendar-wire';
import { checkIssueType } from './create-case.service';
import { fromIssues, idInUse, invalid, notFound, type SaveOptions } from './errors';
import { settingsOf } from './sla-settings';

export function calendarViews(c: Container): CalendarView[] {
	return c.cases.settings().rows.calendars.map(calendarView);
}

export async function putCalendar(
	c: Container,
	raw: unknown,
	{ create = false }: SaveOptions = {}
): Promise<CalendarView> {
	const parsed = calendarSaveSchema.safeParse(raw);
	if (!parsed.success) throw fromIssues(parsed.error.issues);
	const { actor: _actor, ...input } = parsed.data;
	const rows = c.cases.settings().rows;
	if (create && rows.calendars.some((x) => x.id === input.id)) throw idInUse('calendar', input.id);
	const cal = calendarOf(input);
	try {
		compileCalendar(cal);
	} catch (error) {
		if (!(error instanceof CalendarError)) throw error;
		const zone = error.problems.some((p) => /time zone/i.test(p));
		throw invalid(zone ? 'timeZone' : 'weekly', error.problems.join('; '));
	}
	const now = new Date(c.clock.now());
	const others = rows.calendars.filter((x) => x.id !== cal.id);
	tryBuild({ ...rows, calendars: [...others, { ...cal, updatedAt: now }] }, 'weekly');
	if (!(await saveCalendar(c.database.db, cal, now, create))) throw idInUse('calendar', cal.id);
	await reload(c);
	return calendarViews(c).find((v) => v.id === cal.id)!;
}

export function policyViews(c: Container): SlaPolicyView[] {
	return c.cases.settings().rows.current.map(policyView);
}

export async function putPolicy(
	c: Container,
	raw: unknown,
	{ create = false }: SaveOptions = {}
): Promise<SlaPolicyView> {
	const parsed = slaPolicySaveSchema.safeParse(raw);
	if (!parsed.success) throw fromIssues(parsed.error.issues);
	const { actor: _actor, ...input } = parsed.data;
	const rows = c.cases.settings().rows;
	if (create && rows.current.some((p) => p.id === input.id)) throw idInUse('SLA policy', input.id);
	if (input.issueType !== null) checkIssueType(c, input.issueType);
	if (!c.cases.settings().calendars.has(input.calendarId)) {
		throw invalid('calendarId', `unknown calendar "${input.calendarId}"`);
	}
	const now = new Date(c.clock.now());
	const draft: PolicyRow = { ...input, revision: 0, createdAt: now, supersededAt: null };
	const current = [...rows.current.filter((p) => p.id !== input.id), draft];
	tryBuild({ ...rows, current }, 'issueType');
	const saved = await savePolicyRevision(c.database.db, input, now, create);
	if (!saved) throw idInUse('SLA policy', input.id);
	await reload(c);
	return policyView(saved);
}

/** Retires a policy (its cases keep it); the last default policy cannot go. */
export async function deletePolicy(c: Container, id: string): Promise<{ retired: string }> {
	const rows = c.cases.settings().rows;
	if (!rows.current.some((p) => p.id === id)) throw notFound('SLA policy', id);
	tryBuild({ ...rows, current: rows.current.filter((p) => p.id !== id) }, 'id');
	await retirePolicy(c.database.db, id, new Date(c.clock.now()));
	await reload(c);
	return { retired: id };
}

function policyView(p: PolicyRow): SlaPolicyView {
	return {
		id: p.id,
		name: p.name,
		issueType: p.issueType,
		priority: p.priority as SlaPolicyView['priority'],
		channel: p.channel as SlaPolicyView['channel'],
		firstResponseMinutes: p.firstResponseMinutes,
		resolutionMinutes: p.resolutionMinutes,
		atRiskPercent: p.atRiskPercent,
		calendarId: p.calendarId,
		revision: p.revision,
		updatedAt: toWibIso(p.createdAt.getTime())
	};
}

/** Builds the evaluator the edit would give; its problems become a 400 naming `field`. */
function tryBuild(rows: SlaConfigRows, field: string): void {
	try {
		settingsOf(rows);
	} catch (error) {
		if (error instanceof SlaConfigError) throw invalid(field, error.problems.join('; '));
		if (error instanceof CalendarError) throw invalid(field, error.problems.join('; '));
		throw error;
	}
}

async function reload(c: Container): Promise<void> {
	const settings = settingsOf(await loadSlaConfig(c.database.db));
	await c.cases.setSettings(settings);
}
