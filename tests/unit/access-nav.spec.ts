/**
 * The home page's and header's links (navPages): each shown only when the access declaration
 * lets the principal open the page, so nobody is offered a link that answers 403.
 */
import { describe, expect, it } from 'vitest';
import { decideRoute } from '../../src/lib/domain/access/can';
import { NAV_PAGES, navPages } from '../../src/lib/domain/access/nav';
import { NATIONAL, type Principal, type Role } from '../../src/lib/domain/access/principal';
import { ROUTES } from '../../src/lib/domain/access/rules';

const user = (role: Role, provinces: string[] = []): Principal => ({
	kind: 'user',
	userId: '1',
	email: `${role}@sigap.test`,
	role,
	scope: provinces.length ? { provinces, issueTypes: [] } : NATIONAL,
	agentId: null,
	via: 'session',
	credentialId: 's1'
});

const ADMIN_PAGES = ['/admin/calendars', '/admin/sla', '/admin/teams'] as const;
const ADMIN_ONLY = ['/admin/users', '/admin/keys', '/admin/sources'] as const;

describe('navigation links follow the access declaration', () => {
	it('links only to declared pages', () => {
		for (const route of NAV_PAGES) expect(ROUTES[route]?.kind, route).toBe('page');
	});

	it('offers a team lead no admin links', () => {
		const links = navPages(user('team_lead', ['61']));
		expect(links.filter((r) => r.startsWith('/admin'))).toEqual([]);
		expect(links).toEqual(['/cases', '/cases/new', '/wall', '/notifications', '/account']);
	});

	it('offers leadership trends and the audit trail, but not the admin-only pages', () => {
		const links = navPages(user('leadership'));
		expect(links).toContain('/trends');
		expect(links).toContain('/admin/audit');
		for (const route of ADMIN_ONLY) expect(links).not.toContain(route);
		expect(links).not.toContain('/cases/new');
		expect(links).not.toContain('/notifications');
	});

	it('offers an administrator every page', () => {
		expect(navPages(user('admin'))).toEqual([...NAV_PAGES]);
		for (const route of [...ADMIN_PAGES, ...ADMIN_ONLY, '/admin/audit'])
			expect(navPages(user('admin'))).toContain(route);
	});

	it('offers an agent only their queue, new cases and their account', () => {
		expect(navPages(user('agent', ['61']))).toEqual(['/cases', '/cases/new', '/account']);
	});

	it('offers nobody and wall displays nothing', () => {
		expect(navPages(null)).toEqual([]);
		const display: Principal = {
			kind: 'display',
			tokenId: 'd1',
			name: 'Kalbar wall',
			layout: 'wall',
			wall: { province: '61', issueType: null },
			credentialId: 'd1'
		};
		expect(navPages(display)).toEqual([]);
	});

	it('never offers a link the gate would refuse', () => {
		for (const role of ['admin', 'leadership', 'supervisor', 'team_lead', 'agent'] as const) {
			const p = user(role);
			for (const route of navPages(p)) expect(decideRoute(p, route, 'GET').ok).toBe(true);
		}
	});
});
