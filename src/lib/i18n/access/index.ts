/** The access dictionaries: Bahasa Indonesia first, English as a switch. */
import type { Lang } from '../index';
import { accessEn } from './en';
import { accessId, type AccessDictionary } from './id';

export type { AccessDictionary };

export function ta(lang: Lang): AccessDictionary {
	return lang === 'en' ? accessEn : accessId;
}

/** `?lang=en` or Bahasa Indonesia. */
export function langOf(url: URL): Lang {
	return url.searchParams.get('lang') === 'en' ? 'en' : 'id';
}
