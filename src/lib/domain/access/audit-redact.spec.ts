import { describe, expect, it } from 'vitest';
import { REDACTED, redactAuditDetail } from './audit-redact';

describe('redactAuditDetail', () => {
	it('masks the contact and drops the name and free text of a case body, at any depth', () => {
		const detail = {
			route: '/api/v1/cases',
			key: 'POST',
			params: {},
			body: {
				reporterType: 'member',
				reporterName: 'Siti Aminah',
				reporterContact: '+6281234567890',
				villageCode: '61.01.01.2001',
				issueType: 'kopdes_lahan',
				subject: 'Status lahan Kopdes',
				description: 'Hubungi Siti di 0812 3456 7890, NIK 6101012345678901.'
			}
		};
		const out = redactAuditDetail(detail) as typeof detail;
		expect(out.body).toEqual({
			reporterType: 'member',
			reporterName: REDACTED,
			reporterContact: '+62812****7890',
			villageCode: '61.01.01.2001',
			issueType: 'kopdes_lahan',
			subject: 'Status lahan Kopdes',
			description: REDACTED
		});
		expect(out.route).toBe('/api/v1/cases');
		expect(JSON.stringify(out)).not.toMatch(/Siti Aminah|3456|6101012345678901/);
	});

	it('masks e-mail contacts and phone numbers or NIK found inside other text', () => {
		expect(redactAuditDetail({ reporterContact: 'budi@example.com' })).toEqual({
			reporterContact: 'b***@example.com'
		});
		const out = redactAuditDetail({
			reason: 'pelapor minta ditelepon di +62 812-3456-7890',
			items: [{ note: 'NIK 6101012345678901' }]
		});
		expect(JSON.stringify(out)).not.toMatch(/3456|6101012345678901/);
		expect(out).toMatchObject({ reason: expect.stringContaining('7890') });
	});

	it('keeps what an auditor needs: ids, case numbers, codes, dates, staff e-mails', () => {
		const detail = {
			target: 'case:0190a0b1-0000-7000-8000-000000000001',
			number: 'K-2026-000123',
			province: '61',
			at: '2026-12-04T05:23:00.000Z',
			user: 'agent@kemenkop.go.id',
			before: { role: 'agent' },
			after: { role: 'team_lead' },
			empty: null
		};
		expect(redactAuditDetail(detail)).toEqual(detail);
		expect(redactAuditDetail(null)).toBeNull();
	});
});
