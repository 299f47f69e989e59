/**
 * Random secrets (session cookies, API and display tokens): 32 random bytes, base64url, with a
 * prefix saying what they are (`sgt_` API token, `sgd_` display token). Stored as SHA-256: they
 * are long and random, so a fast hash is safe (nothing to guess from a dictionary).
 */
import { createHash, randomBytes } from 'node:crypto';

export const API_TOKEN_PREFIX = 'sgt_';
export const DISPLAY_TOKEN_PREFIX = 'sgd_';

export function newSecret(prefix = ''): string {
	return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
	return createHash('sha256').update(secret).digest('hex');
}

/** What a list shows to recognise a secret without revealing it. */
export function secretPrefix(secret: string): string {
	return secret.slice(0, 10);
}

/** Well-formed secrets only: anything else is refused before any lookup. */
export function looksLikeSecret(value: string, prefix = ''): boolean {
	return value.startsWith(prefix) && /^[A-Za-z0-9_-]{43}$/.test(value.slice(prefix.length));
}
