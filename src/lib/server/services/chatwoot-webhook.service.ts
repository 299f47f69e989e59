/**
 * `POST /api/v1/webhooks/chatwoot` (issue 4 §3): authenticity as Chatwoot offers it — the
 * signature of Chatwoot 4.x webhooks with a secret (`X-Chatwoot-Signature`, timestamped), or,
 * for versions that do not sign, a shared token in the URL (`?token=`) — then each delivery's
 * facts (ingest/chatwoot/parse.ts) applied to sessions (ingest/chatwoot/session.ts). Event ids
 * (`cw:<account>:<conversation>[:<seq>]:started|handed_off|ended`, `…:reply:<message id>`)
 * make a redelivery, or one change reported by two events, a duplicate.
 */
import type { RegistryPlace } from '../../domain/events';
import { maskPhone, toE164 } from '../../domain/phone';
import type { WireEvent } from '../../contracts/ingest';
import { readChatwootEvent, type Conversation } from '../ingest/chatwoot/parse';
import { applyFact, type CwSession, type Draft } from '../ingest/chatwoot/session';
import {
	checkChatwootSignature,
	checkUrlToken,
	contactKey,
	type AuthCheck
} from '../ingest/webhook-auth';
import type { ChatSessionRow, SessionPatch } from '../repositories/chat-session.repository';
import {
	answer,
	boundedBody,
	fail,
	newTally,
	parseJson,
	SerialQueue,
	storeEvents,
	type WebhookAnswer,
	type WebhookDeps
} from './webhook-common';

export const CHATWOOT = 'chatwoot';

export interface ChatwootDeps extends WebhookDeps {
	secret: string | null;
	token: string | null;
	contactSecret: string;
	store: {
		latestSession(conversation: string): Promise<ChatSessionRow | null>;
		createSession(row: ChatSessionRow): Promise<void>;
		updateSession(id: string, patch: SessionPatch): Promise<void>;
	};
	log?(line: string): void;
}

const iso = (at: number) => new Date(at).toISOString();

function wireOf(d: Draft, sessionId: string, contact: string | undefined): WireEvent {
	const base = { id: d.id, sessionId, at: iso(d.at) };
	if (d.type === 'chat.started')
		return { ...base, type: d.type, bot: d.bot, ...(contact ? { contact } : {}) };
	if (d.type === 'chat.agent_replied') return { ...base, type: d.type, agent: d.agent };
	if (d.type === 'chat.ended') return { ...base, type: d.type, by: d.by };
	return { ...base, type: d.type };
}

export class ChatwootWebhook {
	readonly #queue = new SerialQueue();

	constructor(private readonly deps: ChatwootDeps) {}

	receive(headers: Headers, url: URL, body: Uint8Array): Promise<WebhookAnswer> {
		return this.#queue.run(() => this.#receive(headers, url, body));
	}

	#authentic(headers: Headers, url: URL, body: Uint8Array): AuthCheck {
		const signature = headers.get('x-chatwoot-signature');
		if (this.deps.secret && (signature || !this.deps.token)) {
			return checkChatwootSignature(
				this.deps.secret,
				body,
				signature,
				headers.get('x-chatwoot-timestamp'),
				this.deps.now()
			);
		}
		return checkUrlToken(this.deps.token!, url.searchParams.get('token'));
	}

	async #receive(headers: Headers, url: URL, body: Uint8Array): Promise<WebhookAnswer> {
		// Authenticity first, so an unauthenticated sender cannot fill the dead letters.
		const auth = this.#authentic(headers, url, body);
		if (!auth.ok) {
			this.deps.log?.(`sigap: Chatwoot webhook refused: ${auth.reason}`);
			return fail(401, 'not_authentic', auth.reason);
		}
		const tooBig = await boundedBody(this.deps, body);
		if (tooBig) return tooBig;
		return this.#process(Buffer.from(body).toString('utf8'), this.deps.now(), this.deps);
	}

	/**
	 * A kept delivery again, after a fix (issue 4 §5), as if received at `receivedAt`: its
	 * authenticity was checked when it came. What still fails comes back in `problems`.
	 */
	reprocess(
		raw: string,
		receivedAt: number
	): Promise<{ answer: WebhookAnswer; problems: string[] }> {
		return this.#queue.run(async () => {
			const problems: string[] = [];
			const deadLetter = async (reason: string) => (problems.push(reason), 0);
			const answer = await this.#process(raw, receivedAt, { ...this.deps, deadLetter });
			return { answer, problems };
		});
	}

	/** An authentic delivery's text: its facts applied to sessions and stored; the rest kept. */
	async #process(raw: string, receivedAt: number, d: ChatwootDeps): Promise<WebhookAnswer> {
		const parsed = await parseJson(d, raw);
		if (!parsed.ok) return parsed.answer;
		const tally = newTally();
		const read = readChatwootEvent(parsed.json, receivedAt);
		if (read.kind === 'unknown') {
			const id = await d.deadLetter(read.reason, raw);
			return answer(
				{ ...tally, deadLetters: 1, notes: [`${read.reason}; kept as dead letter ${id}`] },
				false
			);
		}
		if (read.kind === 'ignored')
			return answer({ ...tally, notes: [`${read.event}: not used by the chat metrics`] }, true);
		const events: WireEvent[] = [];
		const places = new Map<string, RegistryPlace>();
		for (const fact of read.facts) {
			const latest = await d.store.latestSession(fact.conversation.key);
			const step = applyFact(latest && toCw(latest), fact);
			if (!step.session || !step.changed) continue;
			const who = this.#contact(fact.conversation);
			if (step.created)
				await d.store.createSession(toRow(step.session, fact.conversation.key, who));
			else await d.store.updateSession(step.session.id, patchOf(step.session));
			for (const dr of step.drafts) {
				events.push(wireOf(dr, step.session.id, who.contact ?? undefined));
				const place = dr.type === 'chat.started' && who.phone ? d.placeOf(who.phone) : null;
				if (place) places.set(dr.id, place);
			}
		}
		await storeEvents(d, events, places, tally, raw);
		return answer(tally, true);
	}

	/** The contact key: of the E.164 phone when Chatwoot has one, else of Chatwoot's contact id. */
	#contact(c: Conversation): {
		contact: string | null;
		masked: string | null;
		phone: string | null;
	} {
		const phone = c.phone ? toE164(c.phone) : null;
		if (phone)
			return {
				contact: contactKey(this.deps.contactSecret, phone),
				masked: maskPhone(phone),
				phone
			};
		const account = c.key.split(':')[1];
		const contact = c.contactId
			? contactKey(this.deps.contactSecret, `chatwoot:${account}:${c.contactId}`)
			: null;
		return { contact, masked: null, phone: null };
	}
}

function toCw(r: ChatSessionRow): CwSession {
	return {
		id: r.id,
		seq: r.seq,
		bot: r.bot,
		status: r.status,
		startedAt: r.startedAt,
		handedOffAt: r.handedOffAt,
		firstReplyAt: r.firstReplyAt,
		endedAt: r.endedAt
	};
}

function toRow(
	s: CwSession,
	conversation: string,
	who: { contact: string | null; masked: string | null }
): ChatSessionRow {
	return {
		...s,
		channel: CHATWOOT,
		conversation,
		contact: who.contact,
		contactMasked: who.masked,
		lastInboundAt: s.startedAt
	};
}

const patchOf = (s: CwSession): SessionPatch => ({
	status: s.status,
	handedOffAt: s.handedOffAt,
	firstReplyAt: s.firstReplyAt,
	endedAt: s.endedAt
});
