/**
 * Reporter contacts are stored as given and masked on every screen (issue 3): a phone keeps its
 * country and operator prefix and its last four digits, `+62 812-****-7890`; an e-mail keeps
 * its first letter and domain, `b***@example.com`.
 */

/** The masked form of a phone number or e-mail address. */
export function maskContact(contact: string): string {
	const at = contact.indexOf('@');
	if (at > 0) return `${contact[0]}***${contact.slice(at)}`;
	const digits = contact.replace(/\D/g, '');
	const keepTail = digits.length > 6 ? 4 : 2;
	const lead = digits.startsWith('62') ? 5 : digits.startsWith('0') ? 4 : 2;
	const keepHead = Math.max(0, Math.min(lead, digits.length - keepTail - 3));
	let seen = 0;
	return contact.replace(/\d/g, (d) => {
		const i = seen++;
		return i < keepHead || i >= digits.length - keepTail ? d : '*';
	});
}
