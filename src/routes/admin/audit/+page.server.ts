/** `/admin/audit?from=&to=&actor=&action=&outcome=&target=&before=` (issue 5 §6), newest first. */
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { container } from '$lib/server/runtime';
import { guardPage } from '$lib/server/http/actor';
import { issuesMessage } from '$lib/contracts/access';
import { searchAudit } from '$lib/server/services/access/audit.service';
import { langOf } from '$lib/i18n/access';
import type { PageServerLoad } from './$types';

const PAGE = 100;
const text = z
	.string()
	.trim()
	.max(100)
	.optional()
	.transform((v) => v || undefined);
const date = z
	.string()
	.optional()
	.transform((v) => v || undefined)
	.pipe(z.iso.date({ message: 'must be a date like 2026-03-09' }).optional());

const querySchema = z.object({
	from: date,
	to: date,
	actor: text,
	action: text,
	target: text,
	outcome: z
		.enum(['ok', 'denied', 'failed', ''])
		.optional()
		.transform((v) => v || undefined),
	before: z.coerce.number().int().positive().optional()
});

export const load: PageServerLoad = async (event) => {
	guardPage(event);
	const { url } = event;
	const parsed = querySchema.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) error(400, issuesMessage(parsed.error.issues));
	const q = parsed.data;
	const c = await container();
	// Dates are WIB days: from 00:00 to 24:00 WIB.
	const entries = await searchAudit(c.database.db, {
		...q,
		from: q.from ? new Date(`${q.from}T00:00:00+07:00`) : undefined,
		to: q.to ? new Date(Date.parse(`${q.to}T00:00:00+07:00`) + 86_400_000 - 1) : undefined,
		limit: PAGE
	});
	return { entries, query: q, lang: langOf(url), more: entries.length === PAGE };
};
