/**
 * The one declaration covers every route (issue 5 "a new route cannot be forgotten"): each
 * page, each API method exported by a `+server.ts` and each form action exported by a
 * `+page.server.ts` under src/routes has a rule, and every rule names something that exists.
 */
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/lib/domain/access/rules';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

const routeId = (file: string) =>
	file.replace(/^\/src\/routes/, '').replace(/\/\+[^/]+$/, '') || '/';

const pages = Object.keys(import.meta.glob('/src/routes/**/+page.svelte'));
const servers = import.meta.glob<Record<string, unknown>>('/src/routes/**/+server.ts');
const pageServers = import.meta.glob<{ actions?: Record<string, unknown> }>(
	'/src/routes/**/+page.server.ts'
);

/** Every (route id, rule key) the files define. */
async function defined(): Promise<Map<string, Set<string>>> {
	const out = new Map<string, Set<string>>();
	const add = (id: string, key: string) => out.set(id, (out.get(id) ?? new Set()).add(key));
	for (const file of pages) add(routeId(file), 'GET');
	for (const [file, load] of Object.entries(servers)) {
		const mod = await load();
		for (const m of METHODS) if (typeof mod[m] === 'function') add(routeId(file), m);
	}
	for (const [file, load] of Object.entries(pageServers)) {
		const mod = await load();
		for (const name of Object.keys(mod.actions ?? {})) add(routeId(file), `action:${name}`);
	}
	return out;
}

describe('the access declaration covers src/routes', () => {
	it('declares every page, API method and form action', async () => {
		const missing: string[] = [];
		for (const [id, keys] of await defined()) {
			for (const key of keys) if (!ROUTES[id]?.rules[key as 'GET']) missing.push(`${key} ${id}`);
		}
		expect(missing, 'add these to src/lib/domain/access/rules.ts').toEqual([]);
	});

	it('declares nothing that does not exist (no stale rules)', async () => {
		const files = await defined();
		const stale: string[] = [];
		for (const [id, { rules }] of Object.entries(ROUTES)) {
			for (const key of Object.keys(rules))
				if (!files.get(id)?.has(key)) stale.push(`${key} ${id}`);
		}
		expect(stale).toEqual([]);
	});

	it('calls a route a page exactly when it has a +page.svelte', () => {
		const pageIds = new Set(pages.map(routeId));
		for (const [id, route] of Object.entries(ROUTES)) {
			expect(route.kind, id).toBe(pageIds.has(id) ? 'page' : 'endpoint');
		}
	});
});
