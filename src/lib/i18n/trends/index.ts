/** The trends dictionaries: Bahasa Indonesia first, English as a switch (like the wall). */
import type { Lang } from '../index';
import { trendsEn } from './en';
import { trendsId, type TrendsDictionary } from './id';

export type { TrendsDictionary };

/** The trends dictionary of a language. */
export function tt(lang: Lang): TrendsDictionary {
	return lang === 'en' ? trendsEn : trendsId;
}
