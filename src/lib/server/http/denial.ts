/**
 * Refusals in the form the client reads (issue 5 §2): JSON `{ error: { code, message } }` for
 * API and fetch clients, an ActionResult for enhanced forms, a small bilingual page otherwise.
 * Never a stack trace.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { problemText } from '../../i18n/problems';

const TITLES: Record<number, [string, string]> = {
	401: ['Silakan masuk', 'Please sign in'],
	403: ['Akses ditolak', 'Access denied'],
	413: ['Permintaan terlalu besar', 'Request too large']
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The reason in Bahasa Indonesia first, the English as the API gives it beneath (if known). */
function reasonHtml(message: string): string {
	const id = problemText(message, 'id', 'page');
	const en = id === message ? '' : `<p lang="en" style="color:#9ca3af">${escape(message)}</p>`;
	return `<p data-testid="denied-reason">${escape(id)}</p>${en}`;
}

export function denialResponse(
	event: RequestEvent,
	status: number,
	code: string,
	message: string
): Response {
	const wantsJson =
		event.url.pathname.startsWith('/api/') ||
		(event.request.headers.get('accept') ?? '').includes('application/json');
	if (event.request.headers.get('x-sveltekit-action') === 'true') {
		return Response.json({ type: 'error', status, error: { message, code } }, { status: 200 });
	}
	if (wantsJson) return Response.json({ error: { code, message } }, { status });
	const [id, en] = TITLES[status] ?? ['Tidak dapat diproses', 'Cannot be processed'];
	const html = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${status} ${id}</title></head><body style="font-family:sans-serif;background:#0b1220;color:#e5e7eb;padding:3rem"><h1>${status} — ${id} / ${en}</h1>${reasonHtml(message)}<p><a style="color:#93c5fd" href="/">Beranda / Home</a> · <a style="color:#93c5fd" href="/login">Masuk / Sign in</a></p></body></html>`;
	return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}
