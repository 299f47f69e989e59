/** Small HTTP helpers for the cases API in integration tests. */
import type { CaseCreate, CaseView } from '../../src/lib/contracts/cases';

export interface Reply {
	status: number;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	body: any;
}

export async function api(
	base: string,
	method: string,
	path: string,
	body?: unknown
): Promise<Reply> {
	const response = await fetch(`${base}${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
	});
	return { status: response.status, body: await response.json() };
}

/** A valid case body; override any field. */
export function aCaseBody(more: Partial<CaseCreate> = {}): CaseCreate {
	return {
		reporterType: 'member',
		reporterName: 'Siti Aminah',
		reporterContact: '+62 812-3456-7890',
		villageCode: '61.01.01.2001',
		issueType: 'kopdes_lahan',
		priority: 'normal',
		channel: 'ticket',
		subject: 'Status lahan Kopdes',
		description: 'Lahan untuk gerai Kopdes Merah Putih belum bersertifikat.',
		...more
	};
}

export async function createCase(base: string, more: Partial<CaseCreate> = {}): Promise<CaseView> {
	const r = await api(base, 'POST', '/api/v1/cases', aCaseBody(more));
	if (r.status !== 201) throw new Error(`create failed: ${r.status} ${JSON.stringify(r.body)}`);
	return r.body as CaseView;
}

/** A fast policy on the 24/7 calendar for one issue type (minutes may be fractional). */
export async function fastPolicy(
	base: string,
	issueType: string,
	firstResponseMinutes: number,
	resolutionMinutes: number,
	calendarId = '24x7'
): Promise<void> {
	const r = await api(
		base,
		'PUT',
		`/api/v1/admin/sla-policies/fast-${issueType.replace(/_/g, '-')}`,
		{
			name: `fast ${issueType}`,
			issueType,
			firstResponseMinutes,
			resolutionMinutes,
			calendarId
		}
	);
	if (r.status !== 200) throw new Error(`policy failed: ${JSON.stringify(r.body)}`);
}
