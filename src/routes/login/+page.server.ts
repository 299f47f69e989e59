/**
 * `/login?next=/cases&lang=en` (issue 5 §1): e-mail and password; a new session id on every
 * sign-in (the old cookie is revoked); throttled per account and per address with a message
 * that says for how long; then back to where the user was going (same site only).
 */
import { fail, redirect } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { addressOf } from '$lib/server/http/actor';
import { SESSION_COOKIE } from '$lib/server/services/access/sessions.service';
import { signIn } from '$lib/server/services/access/sign-in.service';
import { langOf } from '$lib/i18n/access';
import type { Actions, PageServerLoad } from './$types';

/** Only a path on this site: `//evil.example` or `https://…` would be an open redirect. */
function safeNext(value: FormDataEntryValue | string | null): string {
	const next = typeof value === 'string' ? value : '';
	return /^\/(?![/\\])/.test(next) ? next : '/';
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const next = safeNext(url.searchParams.get('next'));
	if (locals.principal?.kind === 'user') redirect(303, next);
	return { lang: langOf(url), next };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const email = String(form.get('email') ?? '');
		const c = await container();
		const result = await signIn(
			c,
			{ email, password: form.get('password') ?? undefined },
			{
				address: addressOf(event),
				userAgent: event.request.headers.get('user-agent'),
				previous: event.cookies.get(SESSION_COOKIE) ?? null
			}
		);
		if (!result.ok) {
			const status =
				result.code === 'throttled' ? 429 : result.code === 'invalid_payload' ? 400 : 401;
			return fail(status, { email, ...result });
		}
		event.cookies.set(SESSION_COOKIE, result.cookie, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: event.url.protocol === 'https:',
			maxAge: Math.floor(c.config.auth.session.absoluteMs / 1000)
		});
		redirect(303, safeNext(form.get('next')));
	}
};
