/**
 * Webhook authenticity, as each platform offers it (issue 4 §2, §3): an HMAC-SHA256 of the
 * raw body bytes (never of re-serialised JSON), compared in constant time. Each check says
 * exactly why it refused, for a clear 401.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type AuthCheck = { ok: true } | { ok: false; reason: string };

export function hmacSha256Hex(secret: string, data: string | Uint8Array): string {
	return createHmac('sha256', secret).update(data).digest('hex');
}

/** Constant-time equality of two strings of any length (digests are compared, not the texts). */
export function safeEqual(a: string, b: string): boolean {
	const da = createHash('sha256').update(a).digest();
	const db = createHash('sha256').update(b).digest();
	return timingSafeEqual(da, db) && a.length === b.length;
}

/**
 * Meta's `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body, keyed with the app
 * secret>` (WhatsApp Cloud API webhooks).
 */
export function checkHubSignature(
	appSecret: string,
	body: Uint8Array,
	header: string | null
): AuthCheck {
	if (!header)
		return {
			ok: false,
			reason: 'missing X-Hub-Signature-256 header: the body must be signed with the app secret'
		};
	const m = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
	if (!m)
		return { ok: false, reason: 'X-Hub-Signature-256 must be "sha256=" followed by 64 hex digits' };
	const expected = hmacSha256Hex(appSecret, body);
	return safeEqual(expected, m[1]!.toLowerCase())
		? { ok: true }
		: {
				ok: false,
				reason:
					'X-Hub-Signature-256 does not match the body (wrong app secret, or the body was changed)'
			};
}

/** How far a signed Chatwoot delivery's timestamp may be from our clock (replays are refused). */
export const CHATWOOT_TOLERANCE_S = 300;

/**
 * Chatwoot (4.x) signs deliveries when the webhook has a secret: `X-Chatwoot-Timestamp: <unix
 * seconds>` and `X-Chatwoot-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`.
 */
export function checkChatwootSignature(
	secret: string,
	body: Uint8Array,
	signature: string | null,
	timestamp: string | null,
	now: number
): AuthCheck {
	if (!signature || !timestamp) {
		return {
			ok: false,
			reason:
				'missing X-Chatwoot-Signature or X-Chatwoot-Timestamp header: give the Chatwoot webhook a secret'
		};
	}
	if (!/^\d{1,12}$/.test(timestamp.trim()))
		return { ok: false, reason: 'X-Chatwoot-Timestamp must be unix seconds' };
	if (Math.abs(now / 1000 - Number(timestamp)) > CHATWOOT_TOLERANCE_S) {
		return {
			ok: false,
			reason: `X-Chatwoot-Timestamp is more than ${CHATWOOT_TOLERANCE_S} s from the server clock (a replay, or a clock to fix)`
		};
	}
	const m = /^sha256=([0-9a-f]{64})$/i.exec(signature.trim());
	if (!m)
		return {
			ok: false,
			reason: 'X-Chatwoot-Signature must be "sha256=" followed by 64 hex digits'
		};
	const signed = Buffer.concat([Buffer.from(`${timestamp.trim()}.`), body]);
	return safeEqual(hmacSha256Hex(secret, signed), m[1]!.toLowerCase())
		? { ok: true }
		: {
				ok: false,
				reason:
					'X-Chatwoot-Signature does not match the body (wrong secret, or the body was changed)'
			};
}

/** A shared token in the webhook URL (`?token=…`), for Chatwoot versions that do not sign. */
export function checkUrlToken(expected: string, given: string | null): AuthCheck {
	if (!given) return { ok: false, reason: 'missing ?token= in the webhook URL' };
	return safeEqual(expected, given)
		? { ok: true }
		: { ok: false, reason: 'wrong ?token= in the webhook URL' };
}

/**
 * A contact key: HMAC-SHA256 of the E.164 number (or another stable contact id) with
 * SIGAP_CONTACT_HASH_SECRET. Stable, so the 24 h containment rule and session matching work,
 * and not reversible by hashing every phone number without the secret.
 */
export function contactKey(secret: string, value: string): string {
	return `ck_${hmacSha256Hex(secret, value).slice(0, 32)}`;
}
