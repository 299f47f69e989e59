/** A work-queue row for specs: an open, unassigned, on-track case; override what matters. */
import type { CaseRow } from '$contracts/cases';

export function aRow(overrides: Partial<CaseRow> = {}): CaseRow {
	return {
		id: 'c1',
		number: 'K-2026-000001',
		version: 1,
		status: 'new',
		provinceCode: '61',
		issueType: 'kopdes_lahan',
		priority: 'normal',
		channel: 'ticket',
		subject: 'Lahan koperasi',
		assignee: null,
		team: null,
		createdAt: '2026-03-09T08:00:00+07:00',
		state: 'on_track',
		firstResponse: 'on_track',
		resolution: 'on_track',
		dueAt: '2026-03-09T10:00:00+07:00',
		timeLeftSeconds: 3600,
		...overrides
	};
}
