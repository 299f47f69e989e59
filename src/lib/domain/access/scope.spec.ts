import { describe, expect, it } from 'vitest';
import { aDisplay, aUser } from './fixtures';
import type { Principal } from './principal';
import { covers, defaultWall, mayWatch, provincesOf, sameScope } from './scope';

const nationalAdmin = aUser('admin');
const kalbarLead = aUser('team_lead', { provinces: ['61'] });
const twoProvinceSupervisor = aUser('supervisor', { provinces: ['61', '62'] });
const emptyLead = aUser('team_lead');
const emptyAgent = aUser('agent');
const landLeadNational = aUser('team_lead', { issueTypes: ['kopdes_lahan'] });
const kalbarLand = aUser('team_lead', { provinces: ['61'], issueTypes: ['kopdes_lahan'] });
const kalbarWall = aDisplay('61');

describe('covers: a case or cell at (province, issueType)', () => {
	const rows: [string, Principal, string | null, string | null, boolean][] = [
		['national admin, any province', nationalAdmin, '11', 'x', true],
		['national admin, unplaced case', nationalAdmin, null, null, true],
		['Kalbar lead, Kalbar case', kalbarLead, '61', 'x', true],
		['Kalbar lead, Aceh case', kalbarLead, '11', 'x', false],
		['Kalbar lead, case without a province', kalbarLead, null, 'x', false],
		['two-province supervisor, second province', twoProvinceSupervisor, '62', 'x', true],
		['two-province supervisor, third province', twoProvinceSupervisor, '63', 'x', false],
		['team lead with an empty scope covers nothing', emptyLead, '61', 'x', false],
		['agent with an empty scope covers nothing', emptyAgent, '61', 'x', false],
		['issue-type lead, its type anywhere', landLeadNational, '94', 'kopdes_lahan', true],
		['issue-type lead, another type', landLeadNational, '94', 'simpan_pinjam', false],
		['province+type lead, both match', kalbarLand, '61', 'kopdes_lahan', true],
		['province+type lead, other type', kalbarLand, '61', 'simpan_pinjam', false],
		['province+type lead, other province', kalbarLand, '62', 'kopdes_lahan', false],
		['Kalbar display, Kalbar cell', kalbarWall, '61', 'x', true],
		['Kalbar display, Aceh cell', kalbarWall, '11', 'x', false]
	];
	it.each(rows)('%s', (_name, p, province, issueType, expected) => {
		expect(covers(p, { province, issueType })).toBe(expected);
	});
});

describe('mayWatch: the server decides the rooms', () => {
	const rows: [string, Principal, string | null, string | null, boolean][] = [
		['admin, national wall', nationalAdmin, null, null, true],
		['leadership, any province wall', aUser('leadership'), '61', null, true],
		['national supervisor, national wall', aUser('supervisor'), null, null, true],
		['Kalbar lead, national wall', kalbarLead, null, null, false],
		['Kalbar lead, Kalbar wall', kalbarLead, '61', null, true],
		['Kalbar lead, Kalbar wall for one issue type', kalbarLead, '61', 'kopdes_lahan', true],
		['Kalbar lead, Aceh wall', kalbarLead, '11', null, false],
		['Kalbar lead, "unknown" province wall', kalbarLead, 'unknown', null, false],
		['empty-scope lead, any wall', emptyLead, '61', null, false],
		['issue-type lead, its national issue wall', landLeadNational, null, 'kopdes_lahan', true],
		['issue-type lead, the all-types wall', landLeadNational, null, null, false],
		['issue-type lead, its type in a province', landLeadNational, '61', 'kopdes_lahan', true],
		['province+type lead, the province wall of all types', kalbarLand, '61', null, false],
		['display, its own wall', kalbarWall, '61', null, true],
		['display, a narrower wall', kalbarWall, '61', 'kopdes_lahan', false],
		['display, the national wall', kalbarWall, null, null, false]
	];
	it.each(rows)('%s', (_name, p, province, issueType, expected) => {
		expect(mayWatch(p, { province, issueType })).toBe(expected);
	});
});

describe('defaultWall', () => {
	it('is national for national roles', () => {
		expect(defaultWall(nationalAdmin)).toEqual({ province: null, issueType: null });
	});
	it('is the first province of a scoped user', () => {
		expect(defaultWall(twoProvinceSupervisor)).toEqual({ province: '61', issueType: null });
	});
	it('narrows to the first issue type when the user is limited to some', () => {
		expect(defaultWall(kalbarLand)).toEqual({ province: '61', issueType: 'kopdes_lahan' });
		expect(defaultWall(landLeadNational)).toEqual({ province: null, issueType: 'kopdes_lahan' });
	});
	it('is the token wall for a display and null for a user who covers nothing', () => {
		expect(defaultWall(kalbarWall)).toEqual({ province: '61', issueType: null });
		expect(defaultWall(emptyLead)).toBeNull();
	});
});

describe('provincesOf and sameScope', () => {
	it('lists scoped provinces, null when national', () => {
		expect(provincesOf(twoProvinceSupervisor)).toEqual(['61', '62']);
		expect(provincesOf(nationalAdmin)).toBeNull();
		expect(provincesOf(emptyAgent)).toEqual([]);
	});
	it('compares scopes as sets', () => {
		expect(
			sameScope(
				{ provinces: ['61', '62'], issueTypes: [] },
				{ provinces: ['62', '61'], issueTypes: [] }
			)
		).toBe(true);
		expect(
			sameScope({ provinces: ['61'], issueTypes: [] }, { provinces: ['61'], issueTypes: ['a'] })
		).toBe(false);
		expect(
			sameScope({ provinces: ['61'], issueTypes: [] }, { provinces: ['62'], issueTypes: [] })
		).toBe(false);
	});
});
