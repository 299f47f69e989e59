import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const SECRET = 'contact-key-0123456789';

describe('channels configuration', () => {
	it('is all off by default', () => {
		expect(loadConfig({}).channels).toEqual({
			ami: null,
			whatsapp: null,
			chatwoot: null,
			contactHashSecret: null,
			sourceQuietMinutes: 15
		});
	});

	it('reads AMI, WhatsApp and Chatwoot settings', () => {
		const { channels } = loadConfig({
			SIGAP_AMI_ENABLED: 'true',
			SIGAP_AMI_HOST: 'pbx.local',
			SIGAP_AMI_USER: 'sigap',
			SIGAP_AMI_SECRET: 's3cret',
			SIGAP_AMI_SOURCE: 'pbx-jakarta',
			SIGAP_WHATSAPP_VERIFY_TOKEN: 'verify-me-please',
			SIGAP_WHATSAPP_APP_SECRET: 'app-secret-123',
			SIGAP_CHATWOOT_WEBHOOK_SECRET: 'cw-secret-123',
			SIGAP_CONTACT_HASH_SECRET: SECRET,
			SIGAP_SOURCE_QUIET_MINUTES: '20'
		});
		expect(channels).toEqual({
			ami: {
				host: 'pbx.local',
				port: 5038,
				username: 'sigap',
				secret: 's3cret',
				source: 'pbx-jakarta'
			},
			whatsapp: { verifyToken: 'verify-me-please', appSecret: 'app-secret-123' },
			chatwoot: { secret: 'cw-secret-123', token: null },
			contactHashSecret: SECRET,
			sourceQuietMinutes: 20
		});
	});

	it.each([
		[
			{ SIGAP_AMI_ENABLED: 'true', SIGAP_AMI_HOST: 'pbx' },
			'SIGAP_AMI_USER: required when SIGAP_AMI_ENABLED is true'
		],
		[{ SIGAP_AMI_PORT: '70000' }, 'SIGAP_AMI_PORT'],
		[{ SIGAP_AMI_SOURCE: 'PBX Jakarta' }, 'SIGAP_AMI_SOURCE: lower-case'],
		[
			{ SIGAP_WHATSAPP_VERIFY_TOKEN: 'verify-me-please', SIGAP_CONTACT_HASH_SECRET: SECRET },
			'SIGAP_WHATSAPP_APP_SECRET: required'
		],
		[
			{ SIGAP_CHATWOOT_WEBHOOK_TOKEN: 'a-long-url-token-123' },
			'SIGAP_CONTACT_HASH_SECRET: required'
		],
		[
			{ SIGAP_CHATWOOT_WEBHOOK_TOKEN: 'short', SIGAP_CONTACT_HASH_SECRET: SECRET },
			'at least 16 characters'
		],
		[{ SIGAP_SOURCE_QUIET_MINUTES: '0' }, 'SIGAP_SOURCE_QUIET_MINUTES'],
		[{ SIGAP_SOURCE_QUIET_MINUTES: '1441' }, 'SIGAP_SOURCE_QUIET_MINUTES']
	])('%o is refused: %s', (env, message) => {
		expect(() => loadConfig(env)).toThrow(ConfigError);
		expect(() => loadConfig(env)).toThrow(message);
	});
});
