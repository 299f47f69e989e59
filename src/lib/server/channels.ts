/**
 * The live channels of issue 4, composed once per process by the container: the cooperative
 * registry lookup (also used by `POST /api/v1/events`), Asterisk AMI (started when configured,
 * stopped on close), the WhatsApp and Chatwoot webhooks (null when not configured), and dead
 * letters. Every adapter stores through recordWire: the ingest API's validation, the
 * registry's place, then `record` (dedupe, publish to the live engine).
 */
import type { Config } from './config';
import type { Db } from './db';
import type { DomainBus } from './events/bus';
import type { ValidationContext } from './ingest/validate-event';
import type { WireEvent } from '../contracts/ingest';
import type { RegistryPlace, StoredEvent } from '../domain/events';
import * as sessions from './repositories/chat-session.repository';
import { loadCooperativePhones, registryVersion } from './repositories/cooperative.repository';
import { keepDeadLetter } from './repositories/dead-letter.repository';
import type { NewEvent } from './repositories/event.repository';
import { callsOnAgent, queueMemberships, waitingCalls } from './repositories/pbx-state.repository';
import { recordAdapterEvents, type AdapterRecordResult } from './services/adapter-events.service';
import { AmiIngest } from './services/ami-ingest.service';
import { CHATWOOT, ChatwootWebhook } from './services/chatwoot-webhook.service';
import { CooperativeDirectory } from './services/cooperative-directory.service';
import { WHATSAPP } from './services/whatsapp-apply';
import { WhatsAppWebhook } from './services/whatsapp-webhook.service';
import type { WebhookDeps } from './services/webhook-common';

export interface Channels {
	cooperatives: CooperativeDirectory;
	ami: AmiIngest | null;
	whatsapp: WhatsAppWebhook | null;
	chatwoot: ChatwootWebhook | null;
	recordWire(
		source: string,
		events: WireEvent[],
		places?: Map<string, RegistryPlace>
	): Promise<AdapterRecordResult>;
	deadLetter(source: string, reason: string, payload: string): Promise<number>;
	close(): Promise<void>;
}

export interface ChannelsDeps {
	config: Config;
	db: Db;
	now(): number;
	context(now: number, queues: Set<string>): Promise<ValidationContext>;
	record(source: string, events: NewEvent[]): Promise<StoredEvent[]>;
	/** Told of every dead letter kept (`dead-letter:kept`: source health counts them). */
	bus?: DomainBus;
	/** Test seam: AMI client options (backoff, ping) and the registry reload interval. */
	tuning?: {
		ami?: { backoff?: { initialMs: number; maxMs: number }; pingIntervalMs?: number };
		registryReloadMs?: number;
	};
}

const log = (line: string) => console.log(line);

export async function startChannels(deps: ChannelsDeps): Promise<Channels> {
	const { config, db, now } = deps;
	const cooperatives = new CooperativeDirectory({
		load: () => loadCooperativePhones(db),
		version: () => registryVersion(db),
		log
	});
	await cooperatives.start(deps.tuning?.registryReloadMs);
	const deadLetter = async (source: string, reason: string, payload: string) => {
		const at = now();
		const id = await keepDeadLetter(db, { source, reason, payload, receivedAt: at });
		deps.bus?.publish('dead-letter:kept', { id, source, at });
		return id;
	};
	const recordWire: Channels['recordWire'] = (source, events, places) =>
		recordAdapterEvents(
			{ context: deps.context, enrich: cooperatives.enrich, record: deps.record, now },
			source,
			events,
			places
		);
	const webhook = (source: string): WebhookDeps => ({
		record: (events, places) => recordWire(source, events, places),
		deadLetter: (reason, payload) => deadLetter(source, reason, payload),
		placeOf: (phone) => cooperatives.placeOf(phone),
		now
	});
	const store = (channel: string) => ({
		latestSession: (conversation: string) => sessions.latestSession(db, channel, conversation),
		createSession: (row: sessions.ChatSessionRow) => sessions.createSession(db, row),
		updateSession: (id: string, patch: sessions.SessionPatch) =>
			sessions.updateSession(db, id, patch)
	});
	const { ami: amiConfig, whatsapp: wa, chatwoot: cw, contactHashSecret } = config.channels;
	const whatsapp = wa
		? new WhatsAppWebhook({
				...webhook(WHATSAPP),
				verifyToken: wa.verifyToken,
				appSecret: wa.appSecret,
				contactSecret: contactHashSecret!,
				store: {
					...store(WHATSAPP),
					messageState: (id) => sessions.messageState(db, id),
					raiseMessageState: (m) => sessions.raiseMessageState(db, m),
					idleSessions: (before) => sessions.idleSessions(db, WHATSAPP, before)
				},
				log
			})
		: null;
	whatsapp?.start();
	const chatwoot = cw
		? new ChatwootWebhook({
				...webhook(CHATWOOT),
				secret: cw.secret,
				token: cw.token,
				contactSecret: contactHashSecret!,
				store: store(CHATWOOT),
				log
			})
		: null;
	const ami = amiConfig
		? new AmiIngest(
				{
					host: amiConfig.host,
					port: amiConfig.port,
					username: amiConfig.username,
					secret: amiConfig.secret,
					...deps.tuning?.ami
				},
				{
					source: amiConfig.source,
					record: (events) => recordWire(amiConfig.source, events),
					deadLetter: (reason, payload) => deadLetter(`ami:${amiConfig.source}`, reason, payload),
					believed: async (at) => {
						const since = at - config.liveRetentionMs;
						const [waiting, onAgent, members] = await Promise.all([
							waitingCalls(db, amiConfig.source, at - 24 * 3600_000),
							callsOnAgent(db, amiConfig.source, at - 24 * 3600_000),
							queueMemberships(db, amiConfig.source, since)
						]);
						return { waiting, onAgent, members };
					},
					now,
					log
				}
			)
		: null;
	ami?.start();
	return {
		cooperatives,
		ami,
		whatsapp,
		chatwoot,
		recordWire,
		deadLetter,
		close: async () => {
			await Promise.all([cooperatives.stop(), ami?.stop(), whatsapp?.stop()]);
		}
	};
}
