/**
 * The same page in the other language: the current URL with `lang` switched (Bahasa Indonesia
 * is the default, so its URL has none) and every other parameter kept, except the form-action
 * key a no-JavaScript post leaves in the URL (`?/save`), which a link must not repeat.
 */
import type { Lang } from '$lib/i18n';

export function otherLangHref(url: URL, lang: Lang): string {
	const params = new URLSearchParams();
	for (const [key, value] of url.searchParams) {
		if (key !== 'lang' && !key.startsWith('/')) params.append(key, value);
	}
	if (lang === 'id') params.set('lang', 'en');
	const query = params.toString();
	return query ? `${url.pathname}?${query}` : url.pathname;
}
