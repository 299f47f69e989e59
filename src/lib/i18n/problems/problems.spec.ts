/**
 * The problem catalog is held to the producers themselves: the case form's schema run on bad
 * input, every status refusal the rules can give, and the reassign and calendar schemas. A new
 * message that the catalog does not know fails here (the API integration tests hold the
 * service refusals to it the same way).
 */
import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, caseReassignSchema, calendarSaveSchema } from '../../contracts/cases';
import { statusRefusal } from '../../domain/cases/status';
import { caseFieldErrors, REQUIRED } from '../../server/forms/case-form';
import { parseIntervals, parseOverrides } from '../../components/admin/calendar-form';
import { ROLES, type Principal } from '../../domain/access/principal';
import { NAV_PAGES } from '../../domain/access/nav';
import { decideRoute } from '../../domain/access/can';
import { zoneOf } from '../../domain/calendar/zone';
import { idInUse } from '../../server/services/cases/errors';
import { parseCasesQuery } from '../../live/cases-query';
import { unknownScopeMessage } from '../../live/wall-query';
import { hasIndonesian, labelledProblem, problemText, problemsText } from './index';

const BAD_CASE = {
	actor: 'a'.repeat(200),
	reporterType: 'alien',
	reporterContact: 'besok',
	reporterName: '   ',
	subject: 's'.repeat(201),
	description: 'd'.repeat(5001),
	receivedAt: '2026-03-06 16:00',
	priority: 'asap',
	channel: 'fax',
	issueType: 'Pajak!',
	provinceCode: '1',
	regencyCode: '61',
	villageCode: '61.01',
	bogus: 'x'
};

describe('problemText', () => {
	it('leaves English as the API wrote it', () => {
		expect(problemText('receivedAt: must not be empty', 'en')).toBe(
			'receivedAt: must not be empty'
		);
	});

	it('knows every problem the case form schema gives, field by field', () => {
		const errors = caseFieldErrors(BAD_CASE as never);
		expect(Object.keys(errors).length).toBeGreaterThanOrEqual(12);
		for (const [field, message] of Object.entries(errors)) {
			expect(message, field).not.toBe(REQUIRED);
			expect(hasIndonesian(message), `${field}: ${message}`).toBe(true);
		}
		const withoutSource = caseFieldErrors({
			reporterType: 'public',
			reporterContact: '+62 812-3456-7890',
			subject: 's',
			description: 'd'
		});
		expect(Object.keys(withoutSource).sort()).toEqual(['channel', 'issueType']);
	});

	it('carries the varying parts over', () => {
		const errors = caseFieldErrors(BAD_CASE as never);
		expect(problemText(errors.subject!, 'id')).toBe('Paling banyak 200 karakter.');
		expect(problemText(errors.villageCode!, 'id')).toBe('Kode desa harus seperti 61.01.01.2001.');
		expect(problemText(errors.form!, 'id')).toBe('Isian tidak dikenal: "bogus".');
	});

	it('knows every status refusal, with the status in Indonesian', () => {
		const refusals = CASE_STATUSES.flatMap((from) =>
			CASE_STATUSES.flatMap((to) => [true, false].map((a) => statusRefusal(from, to, a)))
		).filter((r): r is string => r !== null);
		expect(new Set(refusals).size).toBeGreaterThanOrEqual(4);
		for (const r of refusals) expect(hasIndonesian(r), r).toBe(true);
		expect(problemText('status: the case is already waiting_on_reporter', 'id')).toBe(
			'Kasus sudah berstatus Menunggu pelapor.'
		);
	});

	it('knows the reassign and calendar schema problems', () => {
		const reassign = caseReassignSchema.safeParse({ reason: ' ', expectedVersion: 'x' });
		const calendar = calendarSaveSchema.safeParse({
			id: 'Kalbar Wall',
			name: '',
			weekly: [{ weekday: 9, start: '7:30', end: '16:30' }],
			holidays: [{ date: '2026/12/25', name: 'Natal', source: 'SKB', kind: 'national' }]
		});
		const issues = [
			...(reassign.success ? [] : reassign.error.issues),
			...(calendar.success ? [] : calendar.error.issues)
		];
		expect(issues.length).toBeGreaterThanOrEqual(6);
		for (const issue of issues) expect(hasIndonesian(issue.message), issue.message).toBe(true);
	});

	it('drops the field prefix a service puts before its sentence', () => {
		expect(
			problemText(
				"receivedAt: 2999-01-01T00:00:00+07:00 is in the future; a case's clock cannot start later than now",
				'id'
			)
		).toBe(
			'2999-01-01T00:00:00+07:00 ada di masa depan; jam kasus tidak boleh mulai setelah sekarang.'
		);
		expect(problemText('teamIds[0]: unknown team "x"', 'id')).toBe('Tim "x" tidak dikenal.');
	});

	it('translates each problem of a list, keeping any it does not know', () => {
		const list = 'subject: must not be empty; weird: something new';
		expect(problemText(list, 'id')).toBe('Tidak boleh kosong. weird: something new');
		expect(problemsText(['must not be empty', 'x'], 'en')).toBe('must not be empty; x');
		expect(problemsText(['must not be empty', 'x'], 'id')).toBe('Tidak boleh kosong. x');
	});

	it('shows a message it does not know as it came', () => {
		expect(problemText('something nobody wrote down', 'id')).toBe('something nobody wrote down');
		expect(hasIndonesian('something nobody wrote down')).toBe(false);
	});
	it('knows the gate’s refusals, for every role and page it refuses', () => {
		const refusals = new Set<string>();
		for (const role of ROLES) {
			const p = { kind: 'user', role, via: 'session', provinces: ['61'], issueTypes: [] };
			for (const page of NAV_PAGES) {
				const d = decideRoute(p as unknown as Principal, page, 'GET');
				if (!d.ok) refusals.add(d.reason);
			}
		}
		expect(refusals.size).toBeGreaterThan(5);
		for (const r of refusals) expect(hasIndonesian(r), r).toBe(true);
		expect(problemText('role team_lead may not use GET /trends', 'id')).toBe(
			'Peran Ketua tim tidak boleh memakai GET /trends.'
		);
	});

	it('knows the calendar form’s own problems and an unknown time zone', () => {
		const problems = [parseIntervals('8-12'), parseOverrides('20-03-2026 08:00')].map((r) =>
			'problem' in r ? r.problem : ''
		);
		let zone = '';
		try {
			zoneOf('Mars/Olympus');
		} catch (e) {
			zone = (e as Error).message;
		}
		for (const m of [...problems, zone]) expect(hasIndonesian(m), m).toBe(true);
		expect(
			problemText('weekly[1].start: 11:00–13:00 overlaps weekly[0] 08:00–12:00 on Monday', 'id')
		).toBe('11:00–13:00 bertumpang tindih dengan 08:00–12:00 (Senin).');
	});
	it('knows an admin create whose id is taken, for each kind of record', () => {
		for (const what of ['agent', 'team', 'calendar', 'SLA policy']) {
			const { message } = idInUse(what, 'x');
			expect(hasIndonesian(message), message).toBe(true);
		}
		expect(problemText(idInUse('team', 'kalbar').message, 'id')).toBe(
			'ID tim "kalbar" sudah dipakai.'
		);
	});
	it('leads a problem shown away from its field with the field’s label', () => {
		expect(labelledProblem('Too small: expected number to be >0', 'id', 'Respons pertama')).toBe(
			'Respons pertama: Harus lebih dari 0.'
		);
		expect(labelledProblem('Too small: expected number to be >0', 'en', 'First response')).toBe(
			'First response: Too small: expected number to be >0'
		);
		// Already named by the service: English as it came; Indonesian led by the label.
		const taken = 'id: SLA policy id "default" is already in use';
		expect(labelledProblem(taken, 'en', 'ID')).toBe(taken);
		expect(labelledProblem(taken, 'id', 'ID')).toBe(
			'ID: ID kebijakan SLA "default" sudah dipakai.'
		);
		expect(labelledProblem(taken, 'id', undefined)).toBe(
			'id: ID kebijakan SLA "default" sudah dipakai.'
		);
	});
	it('does not let one problem swallow the list after it', () => {
		const list =
			'email: must be an e-mail address such as nama@kemenkop.go.id; password: password is required';
		expect(problemText(list, 'id', 'page')).toBe(
			'email: Harus alamat e-mail, mis. nama@kemenkop.go.id. password: Kata sandi wajib diisi.'
		);
		expect(hasIndonesian(list)).toBe(true);
	});
	it('knows the page queries’ refusals (the 400 page of a mistyped URL)', () => {
		const refusals = [
			parseCasesQuery(new URLSearchParams('state=foo')),
			parseCasesQuery(new URLSearchParams('lang=fr'))
		].map((r) => (r.ok ? '' : r.message));
		const reference = { provinces: [{ code: '61' }], issueTypes: [{ code: 'lainnya' }] };
		for (const scope of [
			{ province: '99', issueType: null },
			{ province: null, issueType: 'zzz' }
		])
			refusals.push(unknownScopeMessage(scope, reference as never) ?? '');
		for (const m of refusals) expect(hasIndonesian(m), m).toBe(true);
	});
});
