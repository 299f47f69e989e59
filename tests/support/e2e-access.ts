/**
 * Signing in against a running production server (issue 5), for e2e specs and the bench: the
 * real /login form (its session cookie), authenticated API calls (cookie + same-site Origin),
 * users and wall display tokens made through the admin pages, as a person would.
 */
export const E2E_ADMIN = { email: 'e2e-admin@sigap.test', password: 'e2e admin password' };

/** Signs in through the /login form; returns the `sigap_session=…` cookie pair. */
export async function signInCookie(url: string, email: string, password: string): Promise<string> {
	const response = await fetch(`${url}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: url
		},
		body: new URLSearchParams({ email, password, next: '/' })
	});
	const cookie = (response.headers.getSetCookie?.() ?? [])
		.map((c) => c.split(';')[0]!)
		.find((c) => c.startsWith('sigap_session='));
	if (response.status !== 303 || !cookie) {
		throw new Error(`sign-in of ${email} failed: ${response.status}`);
	}
	return cookie;
}

/** A form action posted as a signed-in browser would (no JavaScript); returns the page HTML. */
export async function postForm(
	url: string,
	cookie: string,
	path: string,
	fields: Record<string, string>
): Promise<{ status: number; html: string }> {
	const response = await fetch(`${url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: url,
			cookie
		},
		body: new URLSearchParams(fields)
	});
	return { status: response.status, html: await response.text() };
}

export interface E2eAccess {
	/** The administrator's `sigap_session=…` cookie pair. */
	adminCookie: string;
	/** `fetch` as the administrator (cookie and same-site Origin). */
	api(method: string, path: string, body?: unknown): Promise<Response>;
	/** Creates a user through /admin/users and returns its session cookie pair. */
	user(
		role: string,
		email: string,
		scope?: { provinces?: string; issueTypes?: string }
	): Promise<string>;
	/** Creates a wall display token through /admin/keys; returns its one-time URL. */
	displayUrl(name: string, province?: string): Promise<string>;
}

export async function e2eAccess(url: string): Promise<E2eAccess> {
	const adminCookie = await signInCookie(url, E2E_ADMIN.email, E2E_ADMIN.password);
	return {
		adminCookie,
		api: (method, path, body) =>
			fetch(`${url}${path}`, {
				method,
				headers: {
					cookie: adminCookie,
					origin: url,
					...(body === undefined ? {} : { 'content-type': 'application/json' })
				},
				body: body === undefined ? undefined : JSON.stringify(body)
			}),
		user: async (role, email, scope = {}) => {
			const password = 'e2e user password';
			const form = {
				email,
				password,
				role,
				provinces: scope.provinces ?? '',
				issueTypes: scope.issueTypes ?? ''
			};
			const created = await postForm(url, adminCookie, '/admin/users?/create', form);
			if (created.status !== 200) throw new Error(`creating ${email} failed: ${created.status}`);
			return signInCookie(url, email, password);
		},
		displayUrl: async (name, province = '') => {
			const created = await postForm(url, adminCookie, '/admin/keys?/display', {
				name,
				province,
				issueType: '',
				layout: 'wall'
			});
			const match = /\/wall\?display=(sgd_[A-Za-z0-9_-]{43})/.exec(created.html);
			if (!match) throw new Error(`no display URL in the answer (${created.status})`);
			return `${url}${match[0]}`;
		}
	};
}
