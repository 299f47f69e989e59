/**
 * `/wall?province=61&issueType=kopdes_lahan&lang=en`: the URL is the wall's configuration, so
 * a regional wall is a bookmark. Bad parameters get a 400 naming the parameter. Issue 5: the
 * server decides what a principal may watch — a wall outside the scope is refused (403), a
 * scoped user or display asking for no wall in particular is sent to its own, a display
 * sees masked case numbers only, and a revoked display token gets the "revoked" screen.
 */
import { error, redirect } from '@sveltejs/kit';
import { maskCaseNumber } from '$lib/domain/access/redact';
import { defaultWall, mayWatch } from '$lib/domain/access/scope';
import { wallPath } from '$lib/server/http/display-exchange';
import { wallPageData } from '$lib/server/realtime/wall-page';
import { container } from '$lib/server/runtime';
import { recentBreaches } from '$lib/server/services/cases';
import { parseWallQuery, unknownScopeMessage } from '$lib/live/wall-query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const parsed = parseWallQuery(url.searchParams);
	if (!parsed.ok) error(400, parsed.message);
	const { scope, lang } = parsed.query;
	if (locals.displayState) return { denied: locals.displayState, lang };
	const principal = locals.principal;
	if (!principal) error(401, 'sign in first');
	if (!mayWatch(principal, scope)) {
		const own = defaultWall(principal);
		const asked = url.searchParams.has('province') || url.searchParams.has('issueType');
		if (own && (!asked || principal.kind === 'display')) {
			const chime = url.searchParams.get('chime') === '1' ? '&chime=1' : '';
			const path = wallPath(own, lang);
			redirect(303, chime ? `${path}${path.includes('?') ? chime : `?${chime.slice(1)}`}` : path);
		}
		error(
			403,
			`the wall ${scope.province ?? 'national'} / ${scope.issueType ?? 'all issue types'} is outside your scope`
		);
	}
	const data = await wallPageData(scope);
	const unknown = unknownScopeMessage(scope, data.reference);
	if (unknown) error(400, unknown);
	// The breach ticker's first paint; `?chime=1` asks for the breach sound (issue 3 §5).
	const breaches = (await recentBreaches(await container(), scope, 8)).map((b) =>
		principal.kind === 'display' ? { ...b, number: maskCaseNumber(b.number) } : b
	);
	return {
		denied: null,
		...data,
		scope,
		lang,
		breaches,
		chime: url.searchParams.get('chime') === '1'
	};
};
