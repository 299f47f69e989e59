/**
 * Security headers on every SvelteKit response (issue 5 §7). The CSP itself comes from
 * svelte.config.js (`kit.csp`, with nonces for SvelteKit's own inline script); these are the
 * rest: no framing, no MIME sniffing, no referrer leaving the site, HSTS over HTTPS.
 */
export function setSecurityHeaders(headers: Headers, https: boolean): void {
	const set = (name: string, value: string) => {
		if (!headers.has(name)) headers.set(name, value);
	};
	set('x-content-type-options', 'nosniff');
	set('referrer-policy', 'same-origin');
	set('x-frame-options', 'DENY');
	set('cross-origin-opener-policy', 'same-origin');
	set('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
	if (https) set('strict-transport-security', 'max-age=31536000');
}
