/**
 * Expected failures of the case services (DESIGN.md habit 7): a closed set of codes, the field
 * at fault, and for conflicts who changed the case. Routes and socket handlers turn them into
 * HTTP answers and acks with `answerOf` / `ackOf`; anything else is unexpected and logged.
 */
import type { Ack, ErrorCode } from '../../../contracts/socket';
import type { ConflictCurrent } from '../../../contracts/cases';

const STATUS: Record<ErrorCode, number> = {
	invalid_payload: 400,
	forbidden: 403,
	not_found: 404,
	conflict: 409,
	internal: 500
};

export class CaseServiceError extends Error {
	constructor(
		readonly code: ErrorCode,
		message: string,
		readonly field?: string,
		readonly current?: ConflictCurrent
	) {
		super(message);
		this.name = 'CaseServiceError';
	}
}

/** Bad input naming the field: `invalid('issueType', 'unknown issue type "x"')`. */
export function invalid(field: string, message: string): CaseServiceError {
	return new CaseServiceError('invalid_payload', `${field}: ${message}`, field);
}

export function notFound(what: string, id: string): CaseServiceError {
	return new CaseServiceError('not_found', `${what} "${id}" does not exist`);
}

/** `create`: only a new record; an id already in use is refused with `idInUse`. */
export interface SaveOptions {
	create?: boolean;
}

/** A create whose id another record already has (409 naming `id`; nothing is changed). */
export function idInUse(what: string, id: string): CaseServiceError {
	return new CaseServiceError('conflict', `id: ${what} id "${id}" is already in use`, 'id');
}

/** Turns zod issues into one error naming the first field (and listing all problems). */
export function fromIssues(
	issues: readonly { path: PropertyKey[]; message: string }[]
): CaseServiceError {
	const where = (p: PropertyKey[]) =>
		p.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('');
	const message = issues.map((i) => `${where(i.path) || 'body'}: ${i.message}`).join('; ');
	return new CaseServiceError(
		'invalid_payload',
		message,
		where(issues[0]?.path ?? []) || undefined
	);
}

export interface Answer {
	status: number;
	body: unknown;
}

/** Runs a service call and answers JSON: 200/201 with its result, or the error's status. */
export async function answerOf<T>(run: () => Promise<T>, okStatus = 200): Promise<Answer> {
	try {
		return { status: okStatus, body: await run() };
	} catch (error) {
		return { status: STATUS[codeOf(error)], body: { error: errorBody(error) } };
	}
}

/** Runs a service call for a socket ack. */
export async function ackOf<T>(run: () => Promise<T>): Promise<Ack<T>> {
	try {
		return { ok: true, data: await run() };
	} catch (error) {
		const { code, message } = errorBody(error);
		return { ok: false, error: { code, message } };
	}
}

function codeOf(error: unknown): ErrorCode {
	return error instanceof CaseServiceError ? error.code : 'internal';
}

function errorBody(error: unknown) {
	if (error instanceof CaseServiceError) {
		return {
			code: error.code,
			message: error.message,
			...(error.field ? { field: error.field } : {}),
			...(error.current ? { current: error.current } : {})
		};
	}
	const id = Math.random().toString(36).slice(2, 10);
	console.error(`sigap: unexpected error ${id}`, error);
	return { code: 'internal' as const, message: `unexpected error (log id ${id})` };
}

/** A request's JSON body; a body that is not JSON is a 400 naming it. */
export async function bodyOf(request: Request): Promise<unknown> {
	const text = await request.text();
	if (text.trim() === '') return {};
	try {
		return JSON.parse(text);
	} catch {
		throw new CaseServiceError('invalid_payload', 'body: must be JSON', 'body');
	}
}
