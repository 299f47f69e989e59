/** The notifications dictionaries: Bahasa Indonesia first, English as a switch. */
import type { Lang } from '../index';
import { notificationsEn } from './en';
import { notificationsId, type NotificationsDictionary } from './id';

export type { NotificationsDictionary };

export function tn(lang: Lang): NotificationsDictionary {
	return lang === 'en' ? notificationsEn : notificationsId;
}
