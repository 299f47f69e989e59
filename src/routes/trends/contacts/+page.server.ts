/**
 * `/trends/contacts?from=…&to=…&channel=call&province=61`: the contacts behind a trend number
 * (issue 6 drill-down), or with `backlog=<bucket>` the open cases behind a backlog bucket.
 */
import { error } from '@sveltejs/kit';
import { can } from '$lib/domain/access/can';
import { container } from '$lib/server/runtime';
import { backlogList } from '$lib/server/services/trends/backlog-list';
import { contactList } from '$lib/server/services/trends/contacts';
import { trendScopeOf } from '$lib/server/services/trends/scope';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const lang: 'id' | 'en' = url.searchParams.get('lang') === 'en' ? 'en' : 'id';
	const c = await container();
	const scope = trendScopeOf(locals.principal);
	if (url.searchParams.has('backlog')) {
		const backlog = backlogList(c, url.searchParams, scope);
		if (!backlog.ok) error(backlog.status, backlog.message);
		return {
			lang,
			reference: c.reference,
			kind: 'backlog' as const,
			backlog,
			list: null,
			mayCreateCase: false
		};
	}
	const found = await contactList(c, url.searchParams, scope);
	if (!found.ok) error(found.status, found.message);
	return {
		lang,
		reference: c.reference,
		kind: 'contacts' as const,
		list: found.list,
		backlog: null,
		// Issue 3 §1: a call or chat becomes a case from here, for those the rules let create one.
		mayCreateCase: can(locals.principal, { route: '/cases/new', key: 'action:default' })
	};
};
