/** The source-health dictionaries: Bahasa Indonesia first, English as a switch. */
import type { Lang } from '../index';
import { sourcesEn } from './en';
import { sourcesId, type SourcesDictionary } from './id';

export type { SourcesDictionary };

export function ts(lang: Lang): SourcesDictionary {
	return lang === 'en' ? sourcesEn : sourcesId;
}
