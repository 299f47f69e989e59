/** The audit actor of a request: its principal and client address (issue 5 §6). */
import { error, type RequestEvent } from '@sveltejs/kit';
import { decideRoute, ruleKeyOf } from '../../domain/access/can';
import type { UserPrincipal } from '../../domain/access/principal';
import type { Actor } from '../services/access/audit.service';

export function addressOf(event: Pick<RequestEvent, 'getClientAddress'>): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

export function actorOf(event: Pick<RequestEvent, 'locals' | 'getClientAddress'>): Actor {
	return { principal: event.locals.principal, address: addressOf(event) };
}

/**
 * The signed-in user of a page the gate let through. Defence in depth: a page reached any
 * other way (a missing rule, a test) still refuses instead of acting for nobody.
 */
export function userOf(event: Pick<RequestEvent, 'locals'>): UserPrincipal {
	const p = event.locals.principal;
	if (!p || p.kind !== 'user') error(401, 'sign in first');
	return p;
}

/**
 * Defence in depth for the access pages: the same decision as the gate in hooks.server.ts,
 * taken again in the page's own load or action (a page never acts for a principal the
 * declaration does not allow, even if the gate were bypassed).
 */
export function guardPage(event: Pick<RequestEvent, 'locals' | 'route' | 'request' | 'url'>): void {
	const routeId = event.route.id ?? '';
	const decision = decideRoute(
		event.locals.principal,
		routeId,
		ruleKeyOf(routeId, event.request.method, event.url.search)
	);
	if (!decision.ok) error(decision.status, decision.reason);
}
