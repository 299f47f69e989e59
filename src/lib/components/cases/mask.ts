/**
 * Personal data on screen (issue 3 §1: "reporter contact masked on screen"): the reporter's
 * name, phone, e-mail and NIK are masked everywhere except the case page itself, so a wall,
 * a queue on a shared screen or a screenshot never shows who complained.
 */

const MASK = '•';

/** Each word keeps its first letter: `Budi Santoso` → `B••• S••••••`. */
export function maskName(name: string): string {
	return name
		.trim()
		.split(/\s+/)
		.filter((word) => word.length > 0)
		.map((word) => {
			const [first = '', ...rest] = [...word];
			return first + MASK.repeat(rest.length);
		})
		.join(' ');
}

/**
 * A phone number keeps its first 4 and last 3 digits (operator prefix and a hint to tell
 * two reporters apart), separators kept: `0812-3456-7890` → `0812-••••-•890`. Numbers of 7
 * digits or fewer keep only the last 2.
 */
export function maskPhone(phone: string): string {
	const digits = phone.replace(/\D/g, '').length;
	const head = digits > 7 ? 4 : 0;
	const tail = digits > 7 ? 3 : Math.min(2, digits);
	let seen = 0;
	return [...phone.trim()]
		.map((ch) => {
			if (!/\d/.test(ch)) return ch;
			seen += 1;
			return seen <= head || seen > digits - tail ? ch : MASK;
		})
		.join('');
}

/**
 * A NIK (16-digit national identity number) keeps only its last 4 digits: the first 12 encode
 * the region and the birth date, which identify a person.
 */
export function maskNik(nik: string): string {
	const digits = nik.replace(/\D/g, '');
	return MASK.repeat(Math.max(0, digits.length - 4)) + digits.slice(-4);
}

/** An e-mail keeps the first letter of its local part and the domain: `b•••@koperasi.id`. */
export function maskEmail(email: string): string {
	const at = email.lastIndexOf('@');
	if (at <= 0) return maskName(email);
	const local = email.slice(0, at);
	return local[0] + MASK.repeat(Math.max(3, local.length - 1)) + email.slice(at);
}

/** Masks a contact of unknown kind: an e-mail, else a phone if it is mostly digits, else a name. */
export function maskContact(contact: string): string {
	if (contact.includes('@')) return maskEmail(contact);
	const digits = contact.replace(/\D/g, '').length;
	return digits >= 6 && digits >= contact.replace(/\s/g, '').length * 0.6
		? maskPhone(contact)
		: maskName(contact);
}
