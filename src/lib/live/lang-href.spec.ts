import { describe, expect, it } from 'vitest';
import { otherLangHref } from './lang-href';

const at = (path: string) => new URL(path, 'http://sigap.test');

describe('otherLangHref', () => {
	it('switches the language and keeps the page’s own parameters', () => {
		expect(otherLangHref(at('/admin/users'), 'id')).toBe('/admin/users?lang=en');
		expect(otherLangHref(at('/admin/users?lang=en'), 'en')).toBe('/admin/users');
		expect(otherLangHref(at('/admin/dead-letters?source=pbx&lang=en'), 'en')).toBe(
			'/admin/dead-letters?source=pbx'
		);
		expect(otherLangHref(at('/admin/dead-letters?source=pbx'), 'id')).toBe(
			'/admin/dead-letters?source=pbx&lang=en'
		);
	});

	it('drops the form-action key a no-JavaScript post leaves in the URL', () => {
		expect(otherLangHref(at('/admin/calendars?/save&edit=new&lang=en'), 'en')).toBe(
			'/admin/calendars?edit=new'
		);
		expect(otherLangHref(at('/notifications?/read'), 'id')).toBe('/notifications?lang=en');
	});
});
