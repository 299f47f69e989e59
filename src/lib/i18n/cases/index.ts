/** The cases dictionaries: Bahasa Indonesia first, English as a switch (like the wall). */
import type { Lang } from '../index';
import { casesEn } from './en';
import { casesId, type CasesDictionary } from './id';

export type { CasesDictionary };

/** The cases dictionary of a language. */
export function tc(lang: Lang): CasesDictionary {
	return lang === 'en' ? casesEn : casesId;
}
