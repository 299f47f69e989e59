/**
 * `/admin/dead-letters?source=&before=` (issue 4 §5): what the live adapters kept because they
 * could not understand it, newest first — source, time, reason, the payload's head — with
 * reprocessing one letter or every letter of the source after a fix.
 */
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { container } from '$lib/server/runtime';
import { guardPage } from '$lib/server/http/actor';
import { reprocessAction } from '$lib/server/forms/sources-actions';
import { listDeadLetters, waitingCounts } from '$lib/server/repositories/dead-letter.repository';
import { toWibIso } from '$lib/domain/time/wib';
import { langOf } from '$lib/i18n/access';
import type { Actions, PageServerLoad } from './$types';

const PAGE = 50;
/** The payload's head shown (the page escapes it; the whole payload stays in the store). */
const HEAD_CHARS = 600;

const querySchema = z.object({
	source: z
		.string()
		.regex(/^(ami:)?[a-z0-9][a-z0-9._-]{0,62}$/, 'source: not a dead-letter source')
		.optional()
		.or(z.literal('').transform(() => undefined)),
	before: z.coerce.number().int().positive('before: a dead letter id').optional()
});

export const load: PageServerLoad = async (event) => {
	guardPage(event);
	const { url } = event;
	const parsed = querySchema.safeParse({
		source: url.searchParams.get('source') ?? undefined,
		before: url.searchParams.get('before') ?? undefined
	});
	if (!parsed.success) error(400, parsed.error.issues.map((i) => i.message).join('; '));
	const { source, before } = parsed.data;
	const c = await container();
	const [letters, counts] = await Promise.all([
		listDeadLetters(c.database.db, { source, before, limit: PAGE }),
		waitingCounts(c.database.db)
	]);
	return {
		lang: langOf(url),
		source: source ?? null,
		counts: [...counts].map(([name, count]) => ({ name, count })),
		more: letters.length === PAGE,
		letters: letters.map((l) => ({
			id: l.id,
			source: l.source,
			reason: l.reason,
			receivedAt: toWibIso(l.receivedAt),
			attempts: l.attempts,
			lastAttemptAt: l.lastAttemptAt === null ? null : toWibIso(l.lastAttemptAt),
			lastReason: l.lastReason,
			head: l.payload.slice(0, HEAD_CHARS),
			cut: l.payload.length > HEAD_CHARS
		}))
	};
};

export const actions: Actions = {
	reprocess: async (event) => {
		guardPage(event);
		return reprocessAction(await container(), await event.request.formData());
	}
};
