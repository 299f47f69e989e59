/**
 * Keeps the trend rollups up to date as events arrive (issue 6 §Rollups). Listens to
 * `contact-events:appended`, coalesces the touched contacts and re-derives them one run at a
 * time (runs never overlap, so cells move exactly once per change). On start it catches up
 * with events stored since the last applied id (a crash between storing and rolling up loses
 * nothing: re-deriving is idempotent, so a margin before the watermark is re-read too). When
 * the live engine's settings or SLA evaluator change, the contacts the live engine re-counts
 * are re-derived as well, so the wall and the trends keep agreeing.
 */
import { channelOf, contactIdOf, type Channel, type StoredEvent } from '../../../domain/events';
import type { MetricsSettings } from '../../../domain/metrics/settings';
import type { CaseSlaEvaluator } from '../../../domain/sla/types';
import type { Db } from '../../db';
import type { DomainBus } from '../../events/bus';
import {
	contactsAfterEvent,
	contactsWithEvents,
	readState,
	refKey,
	type ContactRef
} from '../../repositories/rollup.repository';
import { rederive, type RederiveResult } from './rederive';

export const WATERMARK = 'applied_event_id';
/** Re-read this many event ids before the watermark at start (publish order ≠ id order). */
const CATCH_UP_MARGIN = 5000;
const RUN_SIZE = 2000;
const MAX_RETRIES = 4;
const DAY = 86_400_000;

export interface RollupWriterDeps {
	db: Db;
	bus: DomainBus;
	/** The live engine's current settings and SLA evaluator (the same reducers, the same inputs). */
	live: { readonly settings: MetricsSettings; readonly sla: CaseSlaEvaluator | undefined };
	now(): number;
	/** What the live engine keeps of calls and chats (it keeps every case). */
	retentionMs: number;
}

/** A contact an event belongs to, or null for agent and PBX rows. */
export function refOf(stored: StoredEvent): ContactRef | null {
	const { event } = stored;
	if (event.type.startsWith('agent.') || event.type === 'pbx.other') return null;
	const id = contactIdOf(event);
	return id === null ? null : { channel: channelOf(event), id };
}

export class RollupWriter {
	#pending = new Map<string, ContactRef>();
	#maxId = 0;
	#running: Promise<void> | null = null;
	#unsubscribe: (() => void) | null = null;
	#seen: { settings: MetricsSettings; sla: CaseSlaEvaluator | undefined } | null = null;
	#closed = false;
	#failuresInRow = 0;
	#paused = 0;
	/** Totals since start, for logs and tests. */
	readonly stats = { runs: 0, contacts: 0, changed: 0, missing: 0, failures: 0 };

	constructor(private deps: RollupWriterDeps) {}

	/** Subscribes to new events and catches up with those stored since the last run. */
	async start(): Promise<void> {
		this.#seen = { settings: this.deps.live.settings, sla: this.deps.live.sla };
		this.#unsubscribe = this.deps.bus.on('contact-events:appended', ({ events }) =>
			this.enqueue(events)
		);
		const applied = (await readState(this.deps.db, WATERMARK)) ?? 0;
		this.#running = this.#catchUp(Math.max(0, applied - CATCH_UP_MARGIN)).finally(() => {
			this.#running = null;
			this.#kick();
		});
	}

	/** Notes the contacts of newly stored events; a run picks them up. */
	enqueue(events: readonly StoredEvent[]): void {
		for (const stored of events) {
			const ref = refOf(stored);
			if (ref) this.#pending.set(refKey(ref), ref);
			this.#maxId = Math.max(this.#maxId, stored.id);
		}
		this.#kick();
	}

	/**
	 * Runs `work` (a bulk import) with rollup runs held back: its events are noted and rolled up
	 * together afterwards, in a few large runs instead of one per change.
	 */
	async deferDuring<T>(work: () => Promise<T>): Promise<T> {
		this.#paused++;
		try {
			return await work();
		} finally {
			this.#paused--;
			this.#kick();
		}
	}

	/** Resolves once every event enqueued so far is in the rollups. */
	async flush(): Promise<void> {
		for (;;) {
			if (this.#running) await this.#running;
			else if (this.#pending.size && !this.#paused) this.#kick();
			else return;
		}
	}

	/** Stops listening and waits for the run in progress (the database closes after). */
	async close(): Promise<void> {
		this.#closed = true;
		this.#unsubscribe?.();
		await this.#running?.catch(() => {});
	}

	#kick(): void {
		if (this.#running || this.#closed || this.#paused) return;
		if (this.#pending.size === 0 && !this.#settingsChanged()) return;
		this.#running = this.#drain().finally(() => {
			this.#running = null;
			if (this.#pending.size) this.#kick();
		});
	}

	#deriveDeps() {
		return {
			db: this.deps.db,
			settings: () => this.deps.live.settings,
			sla: () => this.deps.live.sla
		};
	}

	#settingsChanged(): boolean {
		const seen = this.#seen;
		return !!seen && (seen.settings !== this.deps.live.settings || seen.sla !== this.deps.live.sla);
	}

	async #drain(): Promise<void> {
		if (this.#settingsChanged()) await this.#recountLive();
		while (this.#pending.size && !this.#closed) {
			const refs = [...this.#pending.values()].slice(0, RUN_SIZE);
			for (const r of refs) this.#pending.delete(refKey(r));
			const watermark = { name: WATERMARK, value: this.#maxId };
			await this.#run(refs, watermark);
		}
	}

	async #run(refs: ContactRef[], watermark?: { name: string; value: number }): Promise<void> {
		let result: RederiveResult;
		try {
			result = await rederive(this.#deriveDeps(), refs, { watermark });
		} catch (error) {
			this.stats.failures++;
			this.#failuresInRow++;
			const why = String((error as Error).cause ?? (error as Error).message).slice(0, 300);
			if (this.#closed) return;
			if (this.#failuresInRow > MAX_RETRIES) {
				// Never spin on one bad run: say what to do and go on with the rest.
				console.error(
					`sigap: rollup update of ${refs.length} contacts failed ${MAX_RETRIES + 1} times (${why}); run \`sigap rollup rebuild\` for their days`
				);
				this.#failuresInRow = 0;
				return;
			}
			console.error(`sigap: rollup update of ${refs.length} contacts failed (${why}); retrying`);
			await new Promise((r) => setTimeout(r, 1000));
			for (const r of refs) this.#pending.set(refKey(r), r);
			return;
		}
		this.#failuresInRow = 0;
		this.stats.runs++;
		this.stats.contacts += result.contacts;
		this.stats.changed += result.changed;
		this.stats.missing += result.missing;
		if (result.missing) {
			console.error(
				`sigap: rollup cells lacked ${result.missing} first-response samples their facts held; run \`sigap rollup rebuild\``
			);
		}
	}

	async #catchUp(after: number): Promise<void> {
		for await (const { refs, lastId } of contactsAfterEvent(this.deps.db, after, RUN_SIZE)) {
			if (this.#closed) return;
			this.#maxId = Math.max(this.#maxId, lastId);
			await this.#run(refs, { name: WATERMARK, value: lastId });
		}
	}

	/** What the live engine re-counts on new settings: its calls and chats, and every case. */
	async #recountLive(): Promise<void> {
		this.#seen = { settings: this.deps.live.settings, sla: this.deps.live.sla };
		const now = this.deps.now();
		const ranges: { from: number; to: number; channels: Channel[] }[] = [
			{ from: now - this.deps.retentionMs - DAY, to: now + DAY, channels: ['call', 'chat'] },
			{ from: 0, to: now + DAY, channels: ['ticket'] }
		];
		for (const range of ranges) {
			for await (const refs of contactsWithEvents(this.deps.db, range, RUN_SIZE)) {
				if (this.#closed) return;
				await this.#run(refs);
			}
		}
	}
}
