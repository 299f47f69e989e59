/** `/admin/users` (issue 5 §1–2): users, roles and scopes; changes audited and applied at once. */
import { container } from '$lib/server/runtime';
import { actorOf, guardPage } from '$lib/server/http/actor';
import { fieldsOf, formResult, idField, typedBack } from '$lib/server/http/form-result';
import { signOutEverywhere } from '$lib/server/services/access/sign-in.service';
import { createUser, listUsers, updateUser } from '$lib/server/services/access/users.service';
import { langOf } from '$lib/i18n/access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	guardPage(event);
	const { url } = event;
	const c = await container();
	return { users: await listUsers(c), reference: c.reference, lang: langOf(url) };
};

export const actions: Actions = {
	create: async (event) => {
		guardPage(event);
		const form = fieldsOf(await event.request.formData());
		return formResult(async () => {
			const user = await createUser(await container(), form, actorOf(event));
			return { created: user.email };
		}, typedBack(form));
	},
	update: async (event) => {
		guardPage(event);
		const form = fieldsOf(await event.request.formData());
		return formResult(async () => {
			const user = await updateUser(
				await container(),
				{ ...form, active: form.active ?? 'false' },
				actorOf(event)
			);
			return { updated: user.email };
		});
	},
	signout: async (event) => {
		guardPage(event);
		const form = await event.request.formData();
		return formResult(async () => {
			const count = await signOutEverywhere(await container(), idField(form), actorOf(event));
			return { signedOut: count };
		});
	}
};
