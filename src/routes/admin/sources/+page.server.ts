/**
 * `/admin/sources` (issue 4 §5–6): the health of every source, the dead letters waiting per
 * source (linked to their list), the quiet limit per source, and reprocessing after a fix.
 */
import { container } from '$lib/server/runtime';
import { guardPage } from '$lib/server/http/actor';
import { quietAction, reprocessAction } from '$lib/server/forms/sources-actions';
import { waitingCounts } from '$lib/server/repositories/dead-letter.repository';
import { sourcesAnswer } from '$lib/server/services/sources/sources-routes';
import { sourceOfDeadLetter } from '$lib/domain/sources/health';
import { langOf } from '$lib/i18n/access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	guardPage(event);
	const c = await container();
	const [answer, waiting] = await Promise.all([sourcesAnswer(c), waitingCounts(c.database.db)]);
	// The dead-letter names behind each source (AMI keeps its letters as ami:<source>).
	const letters: Record<string, { name: string; count: number }[]> = {};
	for (const [name, count] of waiting)
		(letters[sourceOfDeadLetter(name)] ??= []).push({ name, count });
	return { lang: langOf(event.url), answer, letters };
};

export const actions: Actions = {
	quiet: async (event) => {
		guardPage(event);
		return quietAction(await container(), await event.request.formData(), event.locals.principal);
	},
	reprocess: async (event) => {
		guardPage(event);
		return reprocessAction(await container(), await event.request.formData());
	}
};
