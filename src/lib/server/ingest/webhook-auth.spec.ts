import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	checkChatwootSignature,
	checkHubSignature,
	checkUrlToken,
	contactKey,
	safeEqual
} from './webhook-auth';

const SECRET = 'app-secret-123';
const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
const hex = (key: string, data: Buffer | string) =>
	createHmac('sha256', key).update(data).digest('hex');

describe('checkHubSignature (X-Hub-Signature-256)', () => {
	it('accepts the HMAC of the raw bytes, in either hex case', () => {
		expect(checkHubSignature(SECRET, body, `sha256=${hex(SECRET, body)}`)).toEqual({ ok: true });
		expect(checkHubSignature(SECRET, body, `sha256=${hex(SECRET, body).toUpperCase()}`)).toEqual({
			ok: true
		});
	});

	it.each([
		[null, 'missing X-Hub-Signature-256'],
		['', 'missing X-Hub-Signature-256'],
		[hex(SECRET, body), 'must be "sha256=" followed by 64 hex digits'],
		['sha1=abc', 'must be "sha256="'],
		[`sha256=${hex('other-secret', body)}`, 'does not match the body'],
		[`sha256=${hex(SECRET, Buffer.from(' ' + body.toString()))}`, 'does not match the body']
	])('refuses %j: %s', (header, reason) => {
		const check = checkHubSignature(SECRET, body, header);
		expect(check.ok).toBe(false);
		if (!check.ok) expect(check.reason).toContain(reason);
	});

	it('refuses a body changed by one byte', () => {
		const changed = Buffer.from(body);
		changed[2] = changed[2]! ^ 1;
		expect(checkHubSignature(SECRET, changed, `sha256=${hex(SECRET, body)}`).ok).toBe(false);
	});
});

describe('checkChatwootSignature (X-Chatwoot-Signature over "<timestamp>.<body>")', () => {
	const now = 1_767_000_000_000;
	const ts = String(now / 1000);
	const sig = (t: string, key = SECRET) => `sha256=${hex(key, `${t}.${body.toString()}`)}`;

	it('accepts a fresh, correctly signed delivery', () => {
		expect(checkChatwootSignature(SECRET, body, sig(ts), ts, now)).toEqual({ ok: true });
	});

	it.each([
		[null, ts, 'missing X-Chatwoot-Signature'],
		['sha256=00', ts, 'must be "sha256="'],
		['x', 'soon', 'must be unix seconds'],
		['x', String(now / 1000 - 301), 'more than 300 s'],
		['wrong-key', ts, 'does not match']
	])('refuses signature %j at %s: %s', (signature, t, reason) => {
		const header =
			signature === 'wrong-key' ? sig(ts, 'other-secret') : signature === 'x' ? sig(t) : signature;
		const check = checkChatwootSignature(SECRET, body, header, t, now);
		expect(check.ok).toBe(false);
		if (!check.ok) expect(check.reason).toContain(reason);
	});
});

describe('tokens and contact keys', () => {
	it('compares tokens in constant time, of any length', () => {
		expect(checkUrlToken('a-long-url-token-123', 'a-long-url-token-123')).toEqual({ ok: true });
		expect(checkUrlToken('a-long-url-token-123', 'a-long-url-token-12')).toMatchObject({
			ok: false
		});
		expect(checkUrlToken('a-long-url-token-123', null)).toMatchObject({
			reason: 'missing ?token= in the webhook URL'
		});
		expect(safeEqual('abc', 'abd')).toBe(false);
	});

	it('keys a phone number stably, without revealing it', () => {
		const key = contactKey('contact-key-0123456789', '+6281234567890');
		expect(key).toMatch(/^ck_[0-9a-f]{32}$/);
		expect(key).toBe(contactKey('contact-key-0123456789', '+6281234567890'));
		expect(key).not.toBe(contactKey('another-key-0123456789', '+6281234567890'));
		expect(key).not.toContain('81234567890');
	});
});
