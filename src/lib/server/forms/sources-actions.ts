/**
 * The form actions of /admin/sources and /admin/dead-letters (issue 4 §5–6): reprocess dead
 * letters (one by id, every one of some sources, or all), and set a source's quiet limit. Bad
 * fields come back as `fail(400)` naming the field; nothing is changed then.
 */
import { fail } from '@sveltejs/kit';
import { reprocessRequestSchema, type ReprocessReportV1 } from '../../contracts/sources';
import type { Principal } from '../../domain/access/principal';
import type { Container } from '../container';
import { reprocess, setQuietLimit } from '../services/sources/sources-routes';
import { fieldsOf } from '../http/form-result';

const sum = (a: ReprocessReportV1, b: ReprocessReportV1): ReprocessReportV1 => ({
	tried: a.tried + b.tried,
	reprocessed: a.reprocessed + b.reprocessed,
	stillFailing: a.stillFailing + b.stillFailing,
	stored: a.stored + b.stored,
	duplicates: a.duplicates + b.duplicates,
	more: a.more || b.more,
	outcomes: [...a.outcomes, ...b.outcomes]
});

/** `?/reprocess`: `id`, or `source` (repeatable), or nothing for every waiting letter. */
export async function reprocessAction(c: Container, form: FormData) {
	const id = String(form.get('id') ?? '').trim();
	const sources = form.getAll('source').map(String).filter(Boolean);
	const requests = id
		? [{ id: /^\d+$/.test(id) ? Number(id) : Number.NaN }]
		: sources.length
			? sources.map((source) => ({ source }))
			: [{}];
	const checked = requests.map((r) => reprocessRequestSchema.safeParse(r));
	const bad = checked.find((r) => !r.success);
	if (bad && !bad.success) {
		const issue = bad.error.issues[0]!;
		return fail(400, { error: `${issue.path.join('.')}: ${issue.message}` });
	}
	let report: ReprocessReportV1 | null = null;
	for (const r of checked) {
		if (!r.success) continue;
		const one = await reprocess(c, r.data);
		report = report ? sum(report, one) : one;
	}
	// The outcomes stay in the API's answer; the page shows the totals and the list again.
	return { report: { ...report!, outcomes: report!.outcomes.slice(0, 20) } };
}

/** `?/quiet`: `source` and `quietMinutes` (empty: the default; 0: never warn). */
export async function quietAction(c: Container, form: FormData, by: Principal | null) {
	const who = by?.kind === 'user' ? by.email : null;
	const result = await setQuietLimit(c, fieldsOf(form), who);
	if (!result.ok) return fail(400, { error: result.message });
	return { saved: true };
}
