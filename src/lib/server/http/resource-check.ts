/**
 * The data a request acts on, checked against the principal's scope before the route runs
 * (rules.ts `resource`): a case by route param, the cases of a bulk body, the place of a new
 * case, or the wall a query names. Returns why it is refused, or null.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { coversResource, type Resource } from '../../domain/access/can';
import { placementOfNewCase } from '../../domain/access/case-placement';
import type { Principal } from '../../domain/access/principal';
import type { Rule } from '../../domain/access/rules';
import { covers, mayWatch } from '../../domain/access/scope';
import { parsePicks } from '../../components/cases/picks';

export type PlaceCase = (idOrNumber: string) => Promise<Resource | null>;

/** The fields of a JSON or form body, read from a clone (the route still gets the body). */
async function bodyFields(request: Request): Promise<Record<string, unknown> | null> {
	const type = request.headers.get('content-type') ?? '';
	try {
		if (type.includes('application/json'))
			return (await request.clone().json()) as Record<string, unknown>;
		if (type.includes('form')) {
			const form = await request.clone().formData();
			const out: Record<string, unknown> = {};
			for (const key of new Set(form.keys())) {
				const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
				out[key] = all.length === 1 ? all[0] : all;
			}
			return out;
		}
	} catch {
		return null; // malformed: the route answers 400 naming the problem
	}
	return null;
}

async function caseIdsOf(request: Request): Promise<string[]> {
	const body = await bodyFields(request);
	if (!body) return [];
	if (Array.isArray(body.items)) {
		return body.items
			.map((i) => (i as { caseId?: unknown })?.caseId)
			.filter((id): id is string => typeof id === 'string');
	}
	const picks = parsePicks(
		[body.case ?? []].flat().filter((v): v is string => typeof v === 'string')
	);
	return 'picks' in picks ? picks.picks.map((p) => p.caseId) : [];
}

export async function resourceDenial(
	event: Pick<RequestEvent, 'params' | 'request' | 'url'>,
	rule: Rule,
	p: Principal,
	placeCase: PlaceCase
): Promise<string | null> {
	switch (rule.resource) {
		case 'wall': {
			const q = event.url.searchParams;
			const target = { province: q.get('province') || null, issueType: q.get('issueType') || null };
			return mayWatch(p, target)
				? null
				: `province ${target.province ?? '(all)'} / issue type ${target.issueType ?? '(all)'} is outside your scope; name a province you cover`;
		}
		case 'case':
			return caseDenial([(event.params as { id?: string }).id ?? ''], p, placeCase);
		case 'cases':
			return caseDenial(await caseIdsOf(event.request), p, placeCase);
		case 'new_case': {
			const body = await bodyFields(event.request);
			const place = placementOfNewCase(body ?? {});
			if (!body || place.province === null) return null; // the service names the bad field
			return covers(p, place)
				? null
				: `a case in province ${place.province} (${place.issueType ?? 'no issue type'}) is outside your scope`;
		}
		default:
			return null;
	}
}

/** The first case outside the scope, named; unknown cases pass (the route answers 404). */
export async function caseDenial(
	ids: string[],
	p: Principal,
	placeCase: PlaceCase
): Promise<string | null> {
	for (const id of ids) {
		const place = id ? await placeCase(id) : null;
		if (place && !coversResource(p, place)) {
			return p.kind === 'user' && p.role === 'agent'
				? `case ${id} is not assigned to you`
				: `case ${id} (province ${place.province}) is outside your scope`;
		}
	}
	return null;
}
