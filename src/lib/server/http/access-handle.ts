/**
 * The request gate (issue 5 §2, §7), run by hooks.server.ts for every SvelteKit request:
 * credentials → `locals.principal`; the route's declared rule (domain/access/rules.ts; an
 * undeclared route is refused); an Origin check for cookie-authenticated state changes to
 * JSON endpoints; body size limit; the audit entry of a successful consequential action;
 * security headers. Denials are clear (401/403 with code) and logged; state changes audited.
 */
import { redirect, type Handle, type RequestEvent } from '@sveltejs/kit';
import { decideRoute, ruleKeyOf, type Decision } from '../../domain/access/can';
import { describePrincipal, type Principal } from '../../domain/access/principal';
import { ROUTES, type Rule } from '../../domain/access/rules';
import { audit } from '../services/access/audit.service';
import type { AccessDeps } from '../services/access/deps';
import { authenticate, DISPLAY_COOKIE, SESSION_COOKIE } from '../services/access/sessions.service';
import { exchangeDisplay } from './display-exchange';
import { addressOf } from './actor';
import { denialResponse } from './denial';
import { requestDetail } from './request-detail';
import { resourceDenial, type PlaceCase } from './resource-check';
import { setSecurityHeaders } from './security-headers';
import { withPrincipal } from '../services/access/request-context';

/** Largest body any SvelteKit route accepts (ingest has its own, smaller limit). */
export const MAX_BODY_BYTES = 1024 * 1024;
const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What the gate needs: the access services' dependencies and where a case is. */
export interface GateDeps extends AccessDeps {
	placeCase: PlaceCase;
}

export function accessHandle(deps: () => Promise<GateDeps>): Handle {
	return async ({ event, resolve }) => {
		const https = event.url.protocol === 'https:';
		const response = await gate(await deps(), event, resolve);
		setSecurityHeaders(response.headers, https);
		return response;
	};
}

type Resolve = Parameters<Handle>[0]['resolve'];
type Denial = Extract<Decision, { ok: false }>;

async function gate(c: GateDeps, event: RequestEvent, resolve: Resolve): Promise<Response> {
	event.locals.principal = null;
	const declared = Number(event.request.headers.get('content-length') ?? 0);
	if (declared > MAX_BODY_BYTES) {
		return denialResponse(event, 413, 'body_too_large', `body exceeds ${MAX_BODY_BYTES} bytes`);
	}
	const routeId = event.route.id;
	if (routeId === '/wall' && event.url.searchParams.has('display')) {
		return exchangeDisplay(c, event, resolve);
	}
	const auth = await authenticate(c, {
		session: event.cookies.get(SESSION_COOKIE) ?? null,
		display: event.cookies.get(DISPLAY_COOKIE) ?? null,
		bearer: bearerOf(event.request.headers.get('authorization'))
	});
	if (auth.staleSession) event.cookies.delete(SESSION_COOKIE, { path: '/' });
	const principal = auth.principal;
	event.locals.principal = principal;
	// A TV whose token was revoked gets the wall's own "display revoked" screen.
	if (!principal && auth.displayRevoked && routeId === '/wall') {
		event.locals.displayState = 'revoked';
		return withPrincipal(null, () => resolve(event));
	}
	if (routeId === null) return withPrincipal(principal, () => resolve(event)); // SvelteKit's 404
	const key = ruleKeyOf(routeId, event.request.method, event.url.search);
	const decision = decideRoute(principal, routeId, key);
	if (!decision.ok) return refuse(c, event, principal, key, decision, auth.badToken);
	const crossSite = crossSiteChange(event, decision.rule, principal);
	if (crossSite) return refuse(c, event, principal, key, crossSite, false);
	const outside =
		principal && decision.rule.resource
			? await resourceDenial(event, decision.rule, principal, c.placeCase)
			: null;
	if (outside) {
		const denial: Denial = { ok: false, status: 403, code: 'forbidden', reason: outside };
		return refuse(c, event, principal, key, denial, false);
	}
	if (!decision.rule.audit) return withPrincipal(principal, () => resolve(event));
	const detail = CHANGES.has(event.request.method)
		? requestDetail(event.request.clone())
		: Promise.resolve(null);
	const response = await withPrincipal(principal, () => resolve(event));
	if (response.status < 400 && !(await isFailedAction(event, response))) {
		await audit(
			c.database.db,
			actorOf(event, principal),
			{
				action: decision.rule.audit,
				target: targetOf(event),
				detail: {
					route: routeId,
					key,
					params: event.params,
					query: event.url.search || null,
					body: await detail
				}
			},
			c.clock.now()
		);
	}
	return response;
}

function bearerOf(header: string | null): string | null {
	const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
	return m ? m[1]! : null;
}

/** Browsers send Origin on every POST; a cookie-authenticated change from elsewhere is CSRF. */
function crossSiteChange(event: RequestEvent, rule: Rule, p: Principal | null): Denial | null {
	if (rule.self || !CHANGES.has(event.request.method) || !p) return null;
	if (p.kind === 'user' && p.via === 'token') return null; // no ambient credential to abuse
	if (ROUTES[event.route.id ?? '']?.kind === 'page') return null; // SvelteKit's own CSRF check
	const origin = event.request.headers.get('origin');
	if (origin === event.url.origin) return null;
	return {
		ok: false,
		status: 403,
		code: 'forbidden',
		reason: `cross-site request refused (Origin ${origin ?? 'missing'})`
	};
}

const actorOf = (event: RequestEvent, principal: Principal | null) => ({
	principal,
	address: addressOf(event)
});

function targetOf(event: RequestEvent): string | null {
	const values = Object.entries(event.params).map(([k, v]) => `${k}:${v}`);
	return values.length ? values.join(',') : null;
}

/** A form action that answered `fail(…)` still has HTTP 200 in the enhanced (JSON) protocol. */
async function isFailedAction(event: RequestEvent, response: Response): Promise<boolean> {
	if (event.request.headers.get('x-sveltekit-action') !== 'true') return false;
	try {
		const body = (await response.clone().json()) as { type?: string };
		return body.type === 'failure' || body.type === 'error';
	} catch {
		return false;
	}
}

/**
 * Puts a refused request on the audit record: the gate's refusals, and a form action's own
 * scope refusal (the case form answers an out-of-scope place beside its fields, not with an
 * error page that would lose what was typed).
 */
export async function auditDenial(
	c: AccessDeps,
	event: RequestEvent,
	p: Principal | null,
	key: string,
	reason: string
): Promise<void> {
	const routeId = event.route.id ?? event.url.pathname;
	await audit(
		c.database.db,
		actorOf(event, p),
		{
			action: 'access.denied',
			target: routeId,
			outcome: 'denied',
			detail: { key, path: event.url.pathname, reason }
		},
		c.clock.now()
	);
}

async function refuse(
	c: GateDeps,
	event: RequestEvent,
	p: Principal | null,
	key: string,
	d: Denial,
	badToken: boolean
): Promise<Response> {
	const routeId = event.route.id ?? event.url.pathname;
	console.warn(`sigap: ${d.status} ${key} ${routeId} for ${describePrincipal(p)}: ${d.reason}`);
	if (p || badToken || key !== 'GET') {
		await auditDenial(c, event, p, key, badToken ? 'invalid API token' : d.reason);
	}
	if (d.status === 401 && ROUTES[routeId]?.kind === 'page' && key === 'GET') {
		redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	}
	const message = badToken ? 'the API token is not valid (revoked, mistyped or unknown)' : d.reason;
	return denialResponse(event, d.status, d.code, message);
}
