/**
 * Configuration of the live channels (issue 4): Asterisk AMI, the WhatsApp Cloud API webhook,
 * the Chatwoot webhook, the key that turns phone numbers into contact keys, and the default
 * quiet limit of sources. Read by config.ts with the rest of the environment; every variable is
 * in README §Configuration.
 */
import { z } from 'zod';

const SOURCE = /^[a-z0-9][a-z0-9._-]{0,62}$/;
const secret = (name: string, min: number) =>
	z.string().min(min, `${name} must be at least ${min} characters`).optional();

export const channelsEnvSchema = z.object({
	SIGAP_AMI_ENABLED: z.enum(['true', 'false', '1', '0', 'yes', 'no']).default('false'),
	SIGAP_AMI_HOST: z.string().optional(),
	SIGAP_AMI_PORT: z.coerce.number().int().min(1).max(65535).default(5038),
	SIGAP_AMI_USER: z.string().optional(),
	SIGAP_AMI_SECRET: z.string().optional(),
	SIGAP_AMI_SOURCE: z
		.string()
		.regex(SOURCE, 'SIGAP_AMI_SOURCE: lower-case letters, digits, ".", "_" or "-"')
		.default('pbx'),
	SIGAP_WHATSAPP_VERIFY_TOKEN: secret('SIGAP_WHATSAPP_VERIFY_TOKEN', 8),
	SIGAP_WHATSAPP_APP_SECRET: secret('SIGAP_WHATSAPP_APP_SECRET', 8),
	SIGAP_CHATWOOT_WEBHOOK_SECRET: secret('SIGAP_CHATWOOT_WEBHOOK_SECRET', 8),
	SIGAP_CHATWOOT_WEBHOOK_TOKEN: secret('SIGAP_CHATWOOT_WEBHOOK_TOKEN', 16),
	SIGAP_CONTACT_HASH_SECRET: secret('SIGAP_CONTACT_HASH_SECRET', 16),
	SIGAP_SOURCE_QUIET_MINUTES: z.coerce.number().int().min(1).max(1440).default(15)
});

export interface ChannelsConfig {
	/** null: AMI off (`SIGAP_AMI_ENABLED` not true). */
	ami: { host: string; port: number; username: string; secret: string; source: string } | null;
	/** null: the WhatsApp webhook answers 404 "not configured". */
	whatsapp: { verifyToken: string; appSecret: string } | null;
	/** null: the Chatwoot webhook answers 404 "not configured". */
	chatwoot: { secret: string | null; token: string | null } | null;
	/** HMAC key of contact keys (a phone number is never stored in chat events). */
	contactHashSecret: string | null;
	/** Default quiet limit of a source, business minutes (issue 4 §6; overridable per source). */
	sourceQuietMinutes: number;
}

/** The channels part of the configuration, or the problems (`VARIABLE: message`). */
export function channelsConfig(
	e: z.infer<typeof channelsEnvSchema>
): { ok: true; config: ChannelsConfig } | { ok: false; problems: string[] } {
	const problems: string[] = [];
	const need = (value: string | undefined, name: string, why: string) => {
		if (!value) problems.push(`${name}: required ${why}`);
		return value ?? '';
	};
	let ami: ChannelsConfig['ami'] = null;
	if (['true', '1', 'yes'].includes(e.SIGAP_AMI_ENABLED)) {
		const why = 'when SIGAP_AMI_ENABLED is true';
		ami = {
			host: need(e.SIGAP_AMI_HOST, 'SIGAP_AMI_HOST', why),
			port: e.SIGAP_AMI_PORT,
			username: need(e.SIGAP_AMI_USER, 'SIGAP_AMI_USER', why),
			secret: need(e.SIGAP_AMI_SECRET, 'SIGAP_AMI_SECRET', why),
			source: e.SIGAP_AMI_SOURCE
		};
	}
	let whatsapp: ChannelsConfig['whatsapp'] = null;
	if (e.SIGAP_WHATSAPP_VERIFY_TOKEN || e.SIGAP_WHATSAPP_APP_SECRET) {
		whatsapp = {
			verifyToken: need(
				e.SIGAP_WHATSAPP_VERIFY_TOKEN,
				'SIGAP_WHATSAPP_VERIFY_TOKEN',
				'with SIGAP_WHATSAPP_APP_SECRET'
			),
			appSecret: need(
				e.SIGAP_WHATSAPP_APP_SECRET,
				'SIGAP_WHATSAPP_APP_SECRET',
				'with SIGAP_WHATSAPP_VERIFY_TOKEN (unsigned webhooks are refused)'
			)
		};
	}
	const chatwoot =
		e.SIGAP_CHATWOOT_WEBHOOK_SECRET || e.SIGAP_CHATWOOT_WEBHOOK_TOKEN
			? {
					secret: e.SIGAP_CHATWOOT_WEBHOOK_SECRET ?? null,
					token: e.SIGAP_CHATWOOT_WEBHOOK_TOKEN ?? null
				}
			: null;
	if ((whatsapp || chatwoot) && !e.SIGAP_CONTACT_HASH_SECRET) {
		problems.push(
			'SIGAP_CONTACT_HASH_SECRET: required when a chat webhook (WhatsApp or Chatwoot) is configured'
		);
	}
	if (problems.length) return { ok: false, problems };
	return {
		ok: true,
		config: {
			ami,
			whatsapp,
			chatwoot,
			contactHashSecret: e.SIGAP_CONTACT_HASH_SECRET ?? null,
			sourceQuietMinutes: e.SIGAP_SOURCE_QUIET_MINUTES
		}
	};
}
