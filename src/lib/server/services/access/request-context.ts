/**
 * Who is acting, for the length of one request or socket command (issue 5 §2, §6): the gate
 * and the socket guard run the handler inside `withPrincipal`, and services that record "who
 * did it" take the name from here — forced by the server, never the name a client typed.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Principal } from '../../../domain/access/principal';
import type { CaseRow } from '../../../contracts/cases';
import { caseRowVisible } from './case-rows';

const context = new AsyncLocalStorage<{ principal: Principal | null }>();

export function withPrincipal<T>(principal: Principal | null, run: () => T): T {
	return context.run({ principal }, run);
}

/** The principal of the current request or command, if a gate set one. */
export function currentPrincipal(): Principal | null {
	return context.getStore()?.principal ?? null;
}

/**
 * The actor to record: the signed-in user's e-mail (or the display's name) when a gate set a
 * principal; otherwise (CLI, tests of the bare service, source systems) the claimed name.
 */
export function actingAs<T extends string | undefined>(claimed: T): string | T {
	const p = currentPrincipal();
	if (!p) return claimed;
	return p.kind === 'user' ? p.email : `display:${p.name}`;
}

/**
 * Which case rows the current caller may see: inside a request or command, those within its
 * principal's scope (nobody: none); outside any (CLI, scheduler, tests of the bare service),
 * all of them.
 */
export function visibleCaseRows(): (row: CaseRow) => boolean {
	const store = context.getStore();
	return store ? caseRowVisible(store.principal) : () => true;
}
