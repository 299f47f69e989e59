/**
 * The SLA clock's scheduler (sla.md §States, and when they change). It holds every open case
 * with its clock input, keeps their next transition instants in one heap and arms ONE timer for
 * the earliest; at that instant it evaluates the due cases, records their transitions (stored
 * once: the store's unique index, and the per-case set of what is already recorded) and hands
 * the new ones to `published`. Every case change calls `update`, which re-evaluates and
 * re-arms. At start it recomputes every open case and records what fell due while it was
 * down — once. All work runs one piece at a time, in order.
 */
import { clockInputOf, isOpenStatus } from '../../../domain/cases/facts';
import { DueQueue } from '../../../domain/sla/due-queue';
import type { SlaEvaluator } from '../../../domain/sla/evaluator';
import { transitionsOf, type SlaTransition } from '../../../domain/sla/transitions';
import type { CaseSlaStatus } from '../../../domain/sla/types';
import type { CaseSummary } from './records';
import type { TimerPort } from './timers';

export interface Recorded {
	c: CaseSummary;
	t: SlaTransition;
}

export interface SchedulerDeps {
	timers: TimerPort;
	evaluator(): SlaEvaluator;
	/** Every open case, in pages. */
	loadOpen(): AsyncIterable<CaseSummary[]>;
	/** `target:to` keys already stored, per case id. */
	recorded(ids: string[]): Promise<Map<string, Set<string>>>;
	/** Stores transitions; resolves with those that were new. */
	record(items: Recorded[], now: number): Promise<Recorded[]>;
	/** New transitions, after they are stored (the bus publishes them). */
	published(items: Recorded[], now: number): void;
}

/** A transition found, and the set to mark once it is stored. */
interface Found extends Recorded {
	into: Set<string>;
}

interface Tracked {
	c: CaseSummary;
	/** Null when the evaluator refused the case's facts. */
	status: CaseSlaStatus | null;
	evaluatedAt: number;
	recorded: Set<string>;
}

const key = (t: SlaTransition) => `${t.target}:${t.to}`;

export class SlaScheduler {
	#open = new Map<string, Tracked>();
	#queue = new DueQueue();
	#armedAt: number | null = null;
	#cancel: (() => void) | null = null;
	#chain: Promise<unknown> = Promise.resolve();
	#stopped = false;

	constructor(private deps: SchedulerDeps) {}

	/** Loads and evaluates every open case, records what fell due while down, arms the timer. */
	start(): Promise<{ cases: number; recorded: number }> {
		return this.#run(async () => {
			const now = this.deps.timers.now();
			const pending: Found[] = [];
			for await (const page of this.deps.loadOpen()) {
				const known = await this.deps.recorded(page.map((c) => c.id));
				for (const c of page) {
					const tracked: Tracked = {
						c,
						status: null,
						evaluatedAt: now,
						recorded: known.get(c.id) ?? new Set()
					};
					this.#open.set(c.id, tracked);
					pending.push(...this.#evaluate(tracked, now));
				}
			}
			const added = await this.#record(pending, now);
			this.#arm();
			return { cases: this.#open.size, recorded: added };
		});
	}

	/** A case was created or changed: evaluate it now, record, re-arm (forget it once closed). */
	update(c: CaseSummary): Promise<void> {
		return this.#run(async () => {
			const now = this.deps.timers.now();
			const prior = this.#open.get(c.id);
			const recorded = prior?.recorded ?? (await this.deps.recorded([c.id])).get(c.id);
			const tracked: Tracked = {
				c,
				status: null,
				evaluatedAt: now,
				recorded: recorded ?? new Set()
			};
			const found = this.#evaluate(tracked, now);
			if (isOpenStatus(c.status)) this.#open.set(c.id, tracked);
			else {
				this.#open.delete(c.id);
				this.#queue.set(c.id, null);
			}
			await this.#record(found, now);
			this.#arm();
		});
	}

	/** The evaluator changed (calendar or policy edit): every open case is evaluated again. */
	refreshAll(): Promise<void> {
		return this.#run(async () => {
			const now = this.deps.timers.now();
			const found = [...this.#open.values()].flatMap((t) => this.#evaluate(t, now));
			await this.#record(found, now);
			this.#arm();
		});
	}

	/** The case's SLA status at `now` (cached until its next transition); null if not open. */
	statusOf(id: string, now: number): CaseSlaStatus | null {
		const t = this.#open.get(id);
		if (!t) return null;
		const s = t.status;
		const next = s?.nextTransitionAt ?? null;
		const fresh =
			s !== null && now >= t.evaluatedAt && (next === null || now < next) && !s.resolution.paused;
		if (fresh) return s;
		try {
			return this.deps.evaluator().evaluate(clockInputOf(t.c), now);
		} catch {
			return null;
		}
	}

	/** Every open case the scheduler holds. */
	openCases(): IterableIterator<CaseSummary> {
		return (function* (map: Map<string, Tracked>) {
			for (const t of map.values()) yield t.c;
		})(this.#open);
	}

	get size(): number {
		return this.#open.size;
	}

	/** The instant the timer is armed for (tests, health). */
	get armedAt(): number | null {
		return this.#armedAt;
	}

	/** Resolves when all work queued so far is done. */
	idle(): Promise<void> {
		return this.#chain.then(() => undefined);
	}

	stop(): void {
		this.#stopped = true;
		this.#cancel?.();
		this.#cancel = null;
		this.#armedAt = null;
	}

	#run<T>(work: () => Promise<T>): Promise<T> {
		const next = this.#chain.then(work);
		this.#chain = next.catch((error) => console.error('sigap: SLA scheduler failed', error));
		return next;
	}

	/**
	 * Evaluates at `now`; returns the transitions not yet recorded and queues the next instant.
	 * A case whose facts the evaluator refuses is logged and left unscheduled, never fatal.
	 */
	#evaluate(t: Tracked, now: number): Found[] {
		try {
			t.status = this.deps.evaluator().evaluate(clockInputOf(t.c), now);
		} catch (error) {
			console.error(`sigap: SLA evaluation of case ${t.c.number} failed`, error);
			this.#queue.set(t.c.id, null);
			return [];
		}
		t.evaluatedAt = now;
		this.#queue.set(t.c.id, isOpenStatus(t.c.status) ? t.status.nextTransitionAt : null);
		return transitionsOf(t.status)
			.filter((tr) => !t.recorded.has(key(tr)))
			.map((tr) => ({ c: t.c, t: tr, into: t.recorded }));
	}

	async #record(found: Found[], now: number): Promise<number> {
		if (found.length === 0) return 0;
		const added = await this.deps.record(
			found.map(({ c, t }) => ({ c, t })),
			now
		);
		for (const { t, into } of found) into.add(key(t));
		if (added.length) this.deps.published(added, now);
		return added.length;
	}

	#arm(): void {
		if (this.#stopped) return;
		const at = this.#queue.peek();
		if (at === this.#armedAt) return;
		this.#cancel?.();
		this.#cancel = null;
		this.#armedAt = at;
		if (at === null) return;
		this.#cancel = this.deps.timers.setTimer(at, () => {
			this.#armedAt = null;
			this.#cancel = null;
			void this.#run(() => this.#fire());
		});
	}

	/** The timer's instant came: evaluate the due cases at now, record, re-arm. */
	async #fire(): Promise<void> {
		const now = this.deps.timers.now();
		const found: Found[] = [];
		for (const id of this.#queue.popDue(now)) {
			const t = this.#open.get(id);
			if (t) found.push(...this.#evaluate(t, now));
		}
		await this.#record(found, now);
		this.#arm();
	}
}
