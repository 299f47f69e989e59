/** `/account`: who I am, my role and scope; sign out here or everywhere (issue 5 §1). */
import { redirect } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { actorOf, guardPage, userOf } from '$lib/server/http/actor';
import { SESSION_COOKIE } from '$lib/server/services/access/sessions.service';
import { signOut, signOutEverywhere } from '$lib/server/services/access/sign-in.service';
import { langOf } from '$lib/i18n/access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	guardPage(event);
	const user = userOf(event);
	const c = await container();
	return { user, lang: langOf(event.url), reference: c.reference };
};

export const actions: Actions = {
	signout: async (event) => {
		guardPage(event);
		const user = userOf(event);
		await signOut(await container(), user, actorOf(event));
		event.cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, '/login');
	},
	everywhere: async (event) => {
		guardPage(event);
		const user = userOf(event);
		await signOutEverywhere(await container(), Number(user.userId), actorOf(event));
		event.cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, '/login');
	}
};
