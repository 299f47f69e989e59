/** The administration dictionaries: Bahasa Indonesia first, English as a switch. */
import type { Lang } from '../index';
import { adminEn } from './en';
import { adminId, type AdminDictionary } from './id';

export type { AdminDictionary };

/** The administration dictionary of a language. */
export function ta(lang: Lang): AdminDictionary {
	return lang === 'en' ? adminEn : adminId;
}
