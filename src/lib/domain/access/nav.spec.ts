import { describe, expect, it } from 'vitest';
import { aDisplay, aUser } from './fixtures';
import { mayActions, navPages } from './nav';

describe('mayActions: the change forms a page shows', () => {
	it('follows the roles of each action, from the one declaration', () => {
		const caseForms = ['reassign', 'status', 'respond'] as const;
		expect(mayActions(aUser('team_lead'), '/cases/[id]', caseForms)).toEqual({
			reassign: true,
			status: true,
			respond: true
		});
		expect(mayActions(aUser('agent'), '/cases/[id]', caseForms)).toMatchObject({
			reassign: false,
			status: true
		});
		for (const role of ['leadership', 'supervisor'] as const)
			expect(mayActions(aUser(role), '/cases/[id]', caseForms), role).toEqual({
				reassign: false,
				status: false,
				respond: false
			});
		expect(mayActions(aUser('leadership'), '/cases', ['reassign'] as const)).toEqual({
			reassign: false
		});
	});

	it('shows nobody and no wall display a change form', () => {
		expect(mayActions(null, '/cases', ['reassign'] as const)).toEqual({ reassign: false });
		expect(mayActions(aDisplay('61'), '/cases', ['reassign'] as const)).toEqual({
			reassign: false
		});
		expect(navPages(aDisplay('61'))).toEqual([]);
	});
});
