/**
 * Administrative commands that talk to a RUNNING server (`--url`): sign in as a user the way
 * a browser does (the /login form, same-origin), then call the JSON API with that session and
 * the Origin header the request gate asks of cookie-authenticated changes. Needed with the
 * embedded database, which only the server may open while it runs.
 */
import { CliError } from './errors';
import { readPasswordOnce } from './read-password';

const SESSION_COOKIE = 'sigap_session';

export interface ServerSession {
	origin: string;
	/** POSTs JSON; resolves to the parsed answer, or throws a CliError with the server's reason. */
	post(path: string, body: unknown): Promise<unknown>;
}

function originOf(url: string): string {
	try {
		const u = new URL(url);
		if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http');
		return u.origin;
	} catch {
		throw new CliError(`--url must be the server's http(s) address, got "${url}"`);
	}
}

async function errorText(response: Response): Promise<string> {
	const text = await response.text();
	try {
		const body = JSON.parse(text) as { error?: { message?: string }; message?: string };
		return body.error?.message ?? body.message ?? text.slice(0, 200);
	} catch {
		return text.slice(0, 200);
	}
}

export async function signInTo(url: string, email: string): Promise<ServerSession> {
	const origin = originOf(url);
	const password =
		process.env.SIGAP_PASSWORD || (await readPasswordOnce(`Password for ${email}: `));
	const login = await fetch(`${origin}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password, next: '/' })
	}).catch((error: Error) => {
		throw new CliError(`cannot reach ${origin}: ${error.message}`);
	});
	const cookie = login.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.find((c) => c.startsWith(`${SESSION_COOKIE}=`) && c.length > SESSION_COOKIE.length + 1);
	if (!cookie) throw new CliError(`sign-in as ${email} refused (HTTP ${login.status})`);
	return {
		origin,
		post: async (path, body) => {
			const response = await fetch(`${origin}${path}`, {
				method: 'POST',
				headers: { origin, cookie, 'content-type': 'application/json' },
				body: JSON.stringify(body)
			});
			if (!response.ok)
				throw new CliError(`${path}: HTTP ${response.status}: ${await errorText(response)}`);
			return response.json();
		}
	};
}
