/**
 * A SvelteKit request event for driving the access gate (and a route module) in a test: the
 * request's URL, its route id and params, a cookie jar the gate may read and write, and a
 * loopback client address.
 */
import type { RequestEvent } from '@sveltejs/kit';

export function gateEvent(
	request: Request,
	routeId: string | null,
	{
		params = {},
		cookies = {}
	}: { params?: Record<string, string>; cookies?: Record<string, string> } = {}
): RequestEvent {
	const jar = new Map(Object.entries(cookies));
	return {
		url: new URL(request.url),
		request,
		route: { id: routeId },
		params,
		locals: {},
		cookies: {
			get: (n: string) => jar.get(n),
			set: (n: string, v: string) => void jar.set(n, v),
			delete: (n: string) => void jar.delete(n)
		},
		getClientAddress: () => '127.0.0.1'
	} as unknown as RequestEvent;
}
