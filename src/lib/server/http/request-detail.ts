/**
 * What an audit entry keeps of a request body (issue 5 §6): the fields, without secrets and
 * cut short, read from a clone so the handler still gets the body.
 */
const SECRET = /pass|token|secret|key|cookie/i;
const MAX_TEXT = 200;
const MAX_BODY = 64 * 1024;

function redact(value: unknown, depth = 0): unknown {
	if (typeof value === 'string')
		return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
	if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, depth + 1));
	if (value && typeof value === 'object' && depth < 4) {
		return Object.fromEntries(
			Object.entries(value as Record<string, unknown>).map(([k, v]) => [
				k,
				SECRET.test(k) ? '[redacted]' : redact(v, depth + 1)
			])
		);
	}
	return value;
}

/** The body's fields (JSON or form), or null when there is none or it cannot be read. */
export async function requestDetail(request: Request): Promise<unknown> {
	const length = Number(request.headers.get('content-length') ?? 0);
	if (!request.body || length > MAX_BODY) return null;
	const type = request.headers.get('content-type') ?? '';
	try {
		if (type.includes('application/json')) return redact(await request.json());
		if (type.includes('form')) {
			const form = await request.formData();
			const fields: Record<string, unknown> = {};
			for (const [k, v] of form) {
				if (typeof v !== 'string') continue;
				fields[k] = k in fields ? [fields[k], v].flat() : v;
			}
			return redact(fields);
		}
	} catch {
		return null;
	}
	return null;
}
