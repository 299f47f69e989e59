/**
 * Asterisk AMI, live (issue 4 §1): queue events become contact events as they happen, under
 * the PBX's source name — the same name its queue_log ingest key uses, so a call reported by
 * both is one contact (pbx-ids.ts). At every login (first connect and each reconnect)
 * `QueueStatus` is reconciled with the store. Work is done one message at a time, in stream
 * order; what cannot be understood or stored is kept as a dead letter, never dropped.
 */
import type { WireEvent } from '../../contracts/ingest';
import { AmiClient, type AmiClientOptions } from '../ingest/ami/client';
import { AmiProblem } from '../ingest/ami/fields';
import type { AmiMessage } from '../ingest/ami/frame';
import { readQueueStatus } from '../ingest/ami/queue-status';
import { QueueTracker, type Believed } from '../ingest/ami/queue-tracker';
import { problemsText, type AdapterRecordResult } from './adapter-events.service';

export interface AmiIngestDeps {
	/** The PBX's source name (`SIGAP_AMI_SOURCE`). */
	source: string;
	record(events: WireEvent[]): Promise<AdapterRecordResult>;
	deadLetter(reason: string, payload: string): Promise<unknown>;
	/** What the store believes now: callers waiting or on an agent, memberships of this source. */
	believed(now: number): Promise<Believed>;
	now(): number;
	log?(line: string): void;
}

export interface AmiStatus {
	connected: boolean;
	lastEventAt: number | null;
	logins: number;
	lastReconciledAt: number | null;
	deadLetters: number;
}

const FLUSH_MS = 1000;

export class AmiIngest {
	readonly #tracker = new QueueTracker();
	readonly #client: AmiClient;
	#work: Promise<void> = Promise.resolve();
	#flush: ReturnType<typeof setInterval> | null = null;
	#status: AmiStatus = {
		connected: false,
		lastEventAt: null,
		logins: 0,
		lastReconciledAt: null,
		deadLetters: 0
	};

	constructor(
		options: AmiClientOptions,
		private readonly deps: AmiIngestDeps
	) {
		this.#client = new AmiClient(
			{ log: deps.log, ...options },
			{
				message: (m, at) => this.#enqueue(() => this.#onMessage(m, at)),
				problem: (raw, reason) => this.#enqueue(() => this.#dead(reason, raw)),
				loggedIn: () => this.#onLogin(),
				disconnected: () => (this.#status.connected = false)
			},
			deps.now
		);
	}

	start(): void {
		this.#client.start();
		this.#flush = setInterval(
			() => this.#enqueue(() => this.#store(this.#tracker.flush(this.deps.now()))),
			FLUSH_MS
		);
		this.#flush.unref();
	}

	async stop(): Promise<void> {
		if (this.#flush) clearInterval(this.#flush);
		await this.#client.stop();
		await this.idle();
	}

	status(): AmiStatus {
		return { ...this.#status, connected: this.#client.connected };
	}

	/** Resolves once everything received so far is processed. */
	async idle(): Promise<void> {
		let seen: Promise<void>;
		do {
			seen = this.#work;
			await seen;
		} while (seen !== this.#work);
	}

	#enqueue(task: () => Promise<void>): void {
		this.#work = this.#work
			.then(task)
			.catch((error) =>
				this.deps.log?.(`sigap: AMI ${this.deps.source}: ${(error as Error).message}`)
			);
	}

	async #onMessage(m: AmiMessage, receivedAt: number): Promise<void> {
		this.#status.lastEventAt = receivedAt;
		let events: WireEvent[];
		try {
			events = this.#tracker.handle(m, receivedAt);
		} catch (error) {
			if (!(error instanceof AmiProblem)) throw error;
			return this.#dead(error.message, m.raw);
		}
		await this.#store(events, m.raw);
	}

	/** QueueStatus is asked outside the work queue, so events before its answer keep their turn. */
	#onLogin(): void {
		this.#status.logins++;
		this.#client
			.action({ Action: 'QueueStatus' }, 'QueueStatusComplete')
			.then(({ events }) => {
				const at = this.deps.now();
				this.#enqueue(() => this.#reconcile(events, at));
			})
			.catch((error) =>
				this.deps.log?.(
					`sigap: AMI ${this.deps.source}: QueueStatus failed: ${(error as Error).message}`
				)
			);
	}

	async #reconcile(messages: AmiMessage[], at: number): Promise<void> {
		const snapshot = readQueueStatus(messages);
		for (const u of snapshot.unreadable) await this.#dead(u.reason, u.message.raw);
		const believed = await this.deps.believed(at);
		await this.#store(this.#tracker.reconcile(snapshot, believed, at));
		this.#status.lastReconciledAt = at;
	}

	async #store(events: WireEvent[], raw?: string): Promise<void> {
		if (events.length === 0) return;
		const result = await this.deps.record(events);
		for (const r of result.rejected) {
			await this.#dead(
				`${r.event.type} rejected: ${problemsText(r.problems)}`,
				raw ?? JSON.stringify(r.event)
			);
		}
	}

	async #dead(reason: string, payload: string): Promise<void> {
		this.#status.deadLetters++;
		await this.deps.deadLetter(reason, payload);
	}
}
