import { describe, expect, it } from 'vitest';
import {
	can,
	coversResource,
	decideRoute,
	decideSocket,
	mayReadPersonalData,
	ruleKeyOf
} from './can';
import { aDisplay, aUser } from './fixtures';
import { ROLES } from './principal';
import { ROUTES, SOCKET_COMMANDS, type RuleKey } from './rules';

describe('ruleKeyOf', () => {
	it.each([
		['/wall', 'GET', '', 'GET'],
		['/wall', 'HEAD', '', 'GET'],
		['/admin/keys', 'POST', '?/revokeToken', 'action:revokeToken'],
		['/admin/keys', 'POST', '?/display&x=1', 'action:display'],
		['/login', 'POST', '', 'action:default'],
		['/cases', 'POST', '?province=73&/reassign', 'action:reassign'],
		['/cases', 'POST', '?lang=en&/reassign&x=1', 'action:reassign'],
		['/cases', 'POST', '?province=73', 'action:default'],
		['/api/v1/events', 'POST', '?/ignored', 'POST'],
		['/not/declared', 'POST', '', 'POST']
	])('%s %s %s → %s', (route, method, search, key) => {
		expect(ruleKeyOf(route, method, search)).toBe(key);
	});
});

describe('decideRoute over the whole declaration', () => {
	const cases = Object.entries(ROUTES).flatMap(([route, { rules }]) =>
		Object.entries(rules).map(([key, rule]) => ({ route, key: key as RuleKey, rule: rule! }))
	);
	it.each(cases)('$key $route', ({ route, key, rule }) => {
		for (const role of ROLES) {
			const session = decideRoute(aUser(role), route, key);
			expect(session.ok, `${role} by session`).toBe(
				Boolean(rule.self) || rule.roles.includes(role)
			);
			const token = decideRoute(aUser(role, {}, { via: 'token' }), route, key);
			expect(token.ok, `${role} by API token`).toBe(
				Boolean(rule.self) || (Boolean(rule.token) && rule.roles.includes(role))
			);
		}
		expect(decideRoute(aDisplay('61'), route, key).ok, 'display').toBe(
			Boolean(rule.self) || Boolean(rule.display)
		);
		const anonymous = decideRoute(null, route, key);
		expect(anonymous.ok, 'anonymous').toBe(Boolean(rule.self));
		if (!anonymous.ok) expect(anonymous.status).toBe(401);
	});

	it('never lets an API token change state', () => {
		for (const { rules } of Object.values(ROUTES))
			for (const [key, rule] of Object.entries(rules))
				if (key !== 'GET' && !rule!.self) expect(rule!.token ?? false, key).toBe(false);
	});

	it('never lets a display token do more than read', () => {
		for (const { rules } of Object.values(ROUTES))
			for (const [key, rule] of Object.entries(rules))
				if (key !== 'GET') expect(rule!.display ?? false, key).toBe(false);
	});

	it('denies undeclared routes, methods and actions by default', () => {
		const admin = aUser('admin');
		expect(decideRoute(admin, '/secret', 'GET')).toMatchObject({ ok: false, status: 403 });
		expect(decideRoute(admin, '/wall', 'DELETE')).toMatchObject({ ok: false, code: 'forbidden' });
		expect(decideRoute(admin, '/admin/keys', 'action:nuke')).toMatchObject({ ok: false });
	});

	it('says why', () => {
		const refused = decideRoute(aUser('agent'), '/admin/users', 'GET');
		expect(refused).toEqual({
			ok: false,
			status: 403,
			code: 'forbidden',
			reason: 'role agent may not use GET /admin/users'
		});
	});
});

describe('decideSocket', () => {
	it.each(Object.entries(SOCKET_COMMANDS))('%s', (event, rule) => {
		for (const role of ROLES)
			expect(decideSocket(aUser(role), event).ok, role).toBe(rule.roles.includes(role));
		expect(decideSocket(aDisplay('61'), event).ok).toBe(Boolean(rule.display));
	});
	it('refuses an unknown command', () => {
		expect(decideSocket(aUser('admin'), 'case:delete').ok).toBe(false);
	});
});

describe('can: role and scope together', () => {
	const reassign = { socket: 'case:reassign' } as const;
	const kalbarLead = aUser('team_lead', { provinces: ['61'] });
	it.each([
		['Kalbar lead reassigns a Kalbar case', kalbarLead, '61', true],
		['Kalbar lead reassigns an Aceh case (API directly)', kalbarLead, '11', false],
		['national admin reassigns anywhere', aUser('admin'), '11', true],
		['leadership changes nothing operational', aUser('leadership'), '61', false],
		['supervisor does not reassign', aUser('supervisor', { provinces: ['61'] }), '61', false]
	])('%s', (_n, p, province, expected) => {
		expect(can(p, reassign, { province, issueType: 'x' })).toBe(expected);
	});

	it('agents act on their own cases only', () => {
		const agent = aUser('agent', { provinces: ['61'] }, { agentId: '1001' });
		expect(coversResource(agent, { province: '61', issueType: 'x', assigneeId: '1001' })).toBe(
			true
		);
		expect(coversResource(agent, { province: '61', issueType: 'x', assigneeId: '1002' })).toBe(
			false
		);
		expect(
			coversResource(aUser('agent'), { province: '61', issueType: 'x', assigneeId: null })
		).toBe(false);
	});

	it('unscoped rules ignore the resource', () => {
		expect(
			can(
				aUser('admin'),
				{ route: '/admin/users', key: 'GET' },
				{ province: '11', issueType: null }
			)
		).toBe(true);
	});

	it('personal data: users in scope only, never a display', () => {
		const item = { province: '61', issueType: 'x' };
		expect(mayReadPersonalData(aUser('team_lead', { provinces: ['61'] }), item)).toBe(true);
		expect(mayReadPersonalData(aUser('team_lead', { provinces: ['62'] }), item)).toBe(false);
		expect(mayReadPersonalData(aDisplay('61'), item)).toBe(false);
		expect(mayReadPersonalData(null, item)).toBe(false);
	});
});
