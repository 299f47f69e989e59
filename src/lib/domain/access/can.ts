/**
 * Decisions over the one declaration (rules.ts): may this principal use this route, form
 * action or socket command, and on this piece of data? Deny by default: an undeclared route,
 * method, action or command is refused.
 */
import type { Principal } from './principal';
import { ROUTES, SOCKET_COMMANDS, type Rule, type RuleKey } from './rules';
import { covers, type Placed } from './scope';

export type Decision =
	| { ok: true; rule: Rule }
	| { ok: false; status: 401 | 403; code: 'unauthenticated' | 'forbidden'; reason: string };

const deny = (reason: string): Decision => ({ ok: false, status: 403, code: 'forbidden', reason });
const signIn: Decision = {
	ok: false,
	status: 401,
	code: 'unauthenticated',
	reason: 'sign in first'
};

/** The rule key of a request: a page POST is a form action (`?/name`, else `default`). */
export function ruleKeyOf(routeId: string, method: string, search: string): RuleKey {
	const verb = method === 'HEAD' ? 'GET' : method.toUpperCase();
	if (ROUTES[routeId]?.kind !== 'page' || verb === 'GET') return verb as RuleKey;
	// As SvelteKit reads it: the first query parameter whose name starts with `/`.
	for (const [param] of new URLSearchParams(search)) {
		if (param.startsWith('/')) return `action:${param.slice(1)}`;
	}
	return 'action:default';
}

/** Applies one rule to one principal (issue 5 §2, §4, §5). */
export function decideRule(p: Principal | null, rule: Rule | undefined, what: string): Decision {
	if (!rule) return deny(`${what} is not declared in the access rules`);
	if (rule.self) return { ok: true, rule };
	if (!p) return signIn;
	if (p.kind === 'display') {
		return rule.display ? { ok: true, rule } : deny(`a wall display may not use ${what}`);
	}
	if (p.via === 'token' && !rule.token) return deny(`API tokens may not use ${what}`);
	if (!rule.roles.includes(p.role)) return deny(`role ${p.role} may not use ${what}`);
	return { ok: true, rule };
}

/** May the principal make this request? `routeId` is SvelteKit's (`/cases/[id]`). */
export function decideRoute(p: Principal | null, routeId: string, key: RuleKey): Decision {
	const route = ROUTES[routeId];
	if (!route) return deny(`route ${routeId} is not declared in the access rules`);
	return decideRule(p, route.rules[key], `${key} ${routeId}`);
}

/** May the principal send this socket command? Anonymous sockets never get this far. */
export function decideSocket(p: Principal | null, event: string): Decision {
	return decideRule(p, SOCKET_COMMANDS[event], `socket command ${event}`);
}

/** A case or other item an action applies to; `assigneeId` for agents' own cases. */
export interface Resource extends Placed {
	assigneeId?: string | null;
}

/** Is this item within what the principal may act on? Agents: only cases assigned to them. */
export function coversResource(p: Principal, item: Resource): boolean {
	if (p.kind === 'user' && p.role === 'agent') {
		return p.agentId !== null && item.assigneeId === p.agentId;
	}
	return covers(p, item);
}

export type Action = { route: string; key: RuleKey } | { socket: string };

/**
 * The one question: may `principal` do `action` (on `resource`, when the rule is scoped)?
 * Issue 5 "Done when": nobody reaches data or actions beyond their role and scope.
 */
export function can(p: Principal | null, action: Action, resource?: Resource): boolean {
	const decision =
		'socket' in action ? decideSocket(p, action.socket) : decideRoute(p, action.route, action.key);
	if (!decision.ok) return false;
	if (!resource || decision.rule.scope === 'none' || decision.rule.self) return true;
	return p !== null && coversResource(p, resource);
}

/**
 * May the principal read a case's personal data (reporter name, phone, NIK)? Only signed-in
 * users whose scope includes the case (issue 5 §7); never a wall display.
 */
export function mayReadPersonalData(p: Principal | null, item: Resource): boolean {
	return p !== null && p.kind === 'user' && coversResource(p, item);
}
