/**
 * The SLA configuration until administrators edit their own (the SLA issue moves these into
 * the database): the standard ministry calendar with Indonesia's national holidays and cuti
 * bersama, and one default policy — first response within one business day (540 business
 * minutes), resolution within five (2,700), at risk at 80 %.
 */
import { standardCalendar } from '../../domain/calendar/business-calendar';
import { INDONESIA_HOLIDAYS } from '../../domain/calendar/holidays-id';
import { createSlaEvaluator } from '../../domain/sla/evaluator';
import type { SlaPolicy } from '../../domain/sla/policy';

export const DEFAULT_POLICIES: SlaPolicy[] = [
	{
		id: 'default',
		name: 'Standar Kementerian',
		issueType: null,
		priority: null,
		channel: null,
		firstResponseMinutes: 540,
		resolutionMinutes: 2700,
		atRiskPercent: 80,
		calendarId: 'standard'
	}
];

export function defaultSlaEvaluator() {
	return createSlaEvaluator({
		policies: DEFAULT_POLICIES,
		calendars: [standardCalendar(INDONESIA_HOLIDAYS)]
	});
}
