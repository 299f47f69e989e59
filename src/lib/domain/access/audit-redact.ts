/**
 * What an audit entry may keep of personal data (issue 5 §7: reporter names, phone numbers and
 * NIK are masked everywhere but the case page). Applied to every entry's `detail` before it is
 * stored and hashed, so neither /admin/audit nor the table itself holds them: the auditor keeps
 * the action, the target, which fields were sent and the masked contact, never the data itself.
 */
import { maskContact } from '../cases/contact-mask';

/** Marks a value removed from an audit entry. */
export const REDACTED = '[redacted]';

const norm = (key: string) => key.toLowerCase().replace(/[^a-z]/g, '');

/** Keys holding a reporter's phone or e-mail: kept masked (`+62 812-****-7890`, `b***@x.id`). */
const CONTACT_KEYS = new Set([
	'reportercontact',
	'reporterphone',
	'reporteremail',
	'contact',
	'phone',
	'phonenumber',
	'msisdn',
	'callerid',
	'callernumber',
	'whatsapp',
	'wanumber'
]);

/** Keys holding a person's name, NIK or the case's free text: dropped altogether. */
const DROPPED_KEYS = new Set([
	'reportername',
	'callername',
	'contactname',
	'nik',
	'reporternik',
	'description',
	'message'
]);

/** A phone number inside text: `+62 812-3456-7890`, `081234567890`, `62812…`. */
const PHONE_IN_TEXT = /(?:\+?62|\b0)[\s.-]?8[\d\s().-]{6,16}\d/g;
/** A 16-digit NIK inside text. */
const NIK_IN_TEXT = /\b\d{16}\b/g;

function maskText(text: string): string {
	return text.replace(NIK_IN_TEXT, '•'.repeat(16)).replace(PHONE_IN_TEXT, (m) => maskContact(m));
}

/** `detail` with personal fields masked or dropped, at any depth; other values kept as they are. */
export function redactAuditDetail(detail: unknown, depth = 0): unknown {
	if (typeof detail === 'string') return maskText(detail);
	if (depth > 8) return detail;
	if (Array.isArray(detail)) return detail.map((v) => redactAuditDetail(v, depth + 1));
	if (detail && typeof detail === 'object') {
		return Object.fromEntries(
			Object.entries(detail as Record<string, unknown>).map(([k, v]) => {
				const key = norm(k);
				if (DROPPED_KEYS.has(key)) return [k, v === null || v === '' ? v : REDACTED];
				if (CONTACT_KEYS.has(key))
					return [k, typeof v === 'string' ? maskContact(v) : v == null ? v : REDACTED];
				return [k, redactAuditDetail(v, depth + 1)];
			})
		);
	}
	return detail;
}
