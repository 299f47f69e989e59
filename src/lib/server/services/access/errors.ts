/** Expected failures of the access services: a code, and a message naming the field. */
export class AccessError extends Error {
	constructor(
		readonly code: 'invalid_payload' | 'not_found' | 'conflict' | 'forbidden',
		message: string
	) {
		super(message);
		this.name = 'AccessError';
	}
}
