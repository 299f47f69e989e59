/**
 * `/wall?display=<token>` (issue 5 §4): the TV's one visit with the token. A valid token
 * becomes a long-lived, HttpOnly display cookie and the TV is sent to its wall's own URL (the
 * token leaves the address bar); a revoked or unknown token gets the wall's "display revoked"
 * screen instead of any data.
 */
import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { WallTarget } from '../../domain/access/principal';
import type { AccessDeps } from '../services/access/deps';
import { DISPLAY_COOKIE } from '../services/access/sessions.service';
import { exchangeDisplayToken } from '../services/access/tokens.service';
import { addressOf } from './actor';

/** Browsers cap cookie lifetimes at 400 days; the display session itself never expires. */
const DISPLAY_COOKIE_SECONDS = 400 * 86_400;

export function wallPath(wall: WallTarget, lang: string | null): string {
	const params = new URLSearchParams();
	if (wall.province) params.set('province', wall.province);
	if (wall.issueType) params.set('issueType', wall.issueType);
	if (lang === 'en') params.set('lang', 'en');
	const query = params.toString();
	return query ? `/wall?${query}` : '/wall';
}

export async function exchangeDisplay(
	c: AccessDeps,
	event: RequestEvent,
	resolve: (event: RequestEvent) => Response | Promise<Response>
): Promise<Response> {
	const token = event.url.searchParams.get('display') ?? '';
	const result = await exchangeDisplayToken(c, token, {
		address: addressOf(event),
		userAgent: event.request.headers.get('user-agent')
	});
	if (!result.ok) {
		event.locals.principal = null;
		event.locals.displayState = result.reason;
		return resolve(event);
	}
	event.cookies.set(DISPLAY_COOKIE, result.cookie, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		maxAge: DISPLAY_COOKIE_SECONDS
	});
	redirect(303, wallPath(result.wall, event.url.searchParams.get('lang')));
}
