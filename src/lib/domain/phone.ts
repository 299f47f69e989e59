/**
 * Phone numbers as Sigap keeps them: E.164 (`+6281234567890`) so the PBX caller id, a WhatsApp
 * `wa_id`, a Chatwoot contact and a Simkopdes manager phone compare equal, and masked on every
 * screen (issue 4: "the sender's number is stored only as much as needed … masked everywhere").
 */

/** Indonesia's country calling code: numbers written nationally (`0812…`) are Indonesian. */
export const INDONESIA = '62';

/** E.164 allows at most 15 digits after `+`; fewer than 8 is an extension, not a number. */
const MIN_DIGITS = 8;
const MAX_DIGITS = 15;

/**
 * The E.164 form of a phone number as people and systems write it, or null when it is none:
 * `+62 812-3456-7890`, `0812 3456 7890`, `6281234567890` (WhatsApp `wa_id`), `0062812…`
 * (international prefix) and `812…` (national number without trunk 0) are all
 * `+6281234567890`. A number with another country code (`+972…`, or `972…` as `wa_id`) keeps it.
 */
export function toE164(raw: string, country = INDONESIA): string | null {
	const text = raw.trim();
	if (text === '' || /[a-z]/i.test(text.replace(/^tel:/i, ''))) return null;
	const international = text.startsWith('+');
	let digits = text.replace(/\D/g, '');
	if (international) return plausible(digits);
	if (digits.startsWith('00')) return plausible(digits.slice(2));
	if (digits.startsWith('0')) digits = country + digits.slice(1);
	else if (country === INDONESIA && digits.startsWith('8') && digits.length <= 12) {
		digits = country + digits;
	}
	return plausible(digits);
}

function plausible(digits: string): string | null {
	if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS || digits.startsWith('0')) {
		return null;
	}
	return `+${digits}`;
}

/**
 * The masked form shown on screens: country code and the first three digits of the number,
 * then the last three; the middle hidden. `+6281234567890` → `+62812•••••890`.
 */
export function maskPhone(e164: string): string {
	const digits = e164.replace(/\D/g, '');
	const head = digits.startsWith(INDONESIA) ? INDONESIA.length + 3 : 4;
	if (digits.length <= head + 3) return `+${digits.slice(0, 2)}${'•'.repeat(digits.length - 2)}`;
	const hidden = digits.length - head - 3;
	return `+${digits.slice(0, head)}${'•'.repeat(hidden)}${digits.slice(-3)}`;
}
