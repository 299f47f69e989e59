/**
 * Live state of the team lead's work queue (issue 3 §6): starts from the SSR list, subscribes
 * with its filters on every (re)connect (`cases:subscribe`), applies `case:updated`,
 * `case:reassigned` and `sla:transitioned` at once, and re-asks for the list shortly after to
 * refresh the counts per filter (habit 6: re-fetch an aggregate rather than patch it wrongly).
 * Time left ticks in the browser from `dueAt`, once a second.
 */
import type { CaseListResult, CaseRow } from '$contracts/cases';
import type {
	Ack,
	CaseReassignedV1,
	CaseUpdatedV1,
	CasesSubscribe,
	SlaTransitionedV1
} from '$contracts/socket';
import { applyTransition, sortByTimeLeft, upsertRow } from './case-order';
import { listQueryOf, rowMatches, type CaseFilters } from './cases-query';
import type { Connection } from './freshness';
import { reassignOne, type ReassignOutcome, type ReassignRequest } from './reassign';
import { connectWallSocket, type WallSocket } from './socket';

const TICK_MS = 1000;
const ACK_TIMEOUT_MS = 5_000;
const RETRY_MS = 2_000;
/** Counts are refreshed this long after the last change, so a burst costs one query. */
const RECOUNT_MS = 800;

type Fact =
	| { kind: 'updated'; fact: CaseUpdatedV1 }
	| { kind: 'reassigned'; fact: CaseReassignedV1 }
	| { kind: 'transitioned'; fact: SlaTransitionedV1 };

export class LiveCases {
	#rows = $state.raw<CaseRow[]>([]);
	#counts = $state.raw<CaseListResult['counts']>();
	#total = $state.raw(0);
	#asOf = $state.raw(Number.NaN);
	#connection = $state.raw<Connection>('connecting');
	#now = $state.raw(Date.now());
	#socket: WallSocket | null = null;
	/** Facts received while a list request is out: re-applied to its (older) answer. */
	#inFlight: Fact[] | null = null;
	#attempt = 0;
	#recount: ReturnType<typeof setTimeout> | null = null;
	#retry: ReturnType<typeof setTimeout> | null = null;
	readonly #filters: CaseFilters;
	readonly #limit: number;

	constructor(initial: CaseListResult, filters: CaseFilters, limit = 500) {
		this.#filters = filters;
		this.#limit = limit;
		this.#accept(initial);
	}

	get rows(): CaseRow[] {
		return this.#rows;
	}
	get counts(): CaseListResult['counts'] {
		return this.#counts!;
	}
	/** Matching cases on the server (may exceed the rows shown). */
	get total(): number {
		return this.#total;
	}
	get asOf(): number {
		return this.#asOf;
	}
	get connection(): Connection {
		return this.#connection;
	}
	/** The browser's clock, ticking once a second: countdowns derive from it. */
	get now(): number {
		return this.#now;
	}

	/** Connects and starts the ticker; returns the function that stops both (an effect cleanup). */
	start(socket: WallSocket = connectWallSocket()): () => void {
		this.#socket = socket;
		socket.on('connect', () => this.#subscribe());
		socket.on('disconnect', () => (this.#connection = 'offline'));
		socket.on('connect_error', () => (this.#connection = 'offline'));
		socket.on('case:updated', (fact) => this.#receive({ kind: 'updated', fact }));
		socket.on('case:reassigned', (fact) => this.#receive({ kind: 'reassigned', fact }));
		socket.on('sla:transitioned', (fact) => this.#receive({ kind: 'transitioned', fact }));
		if (socket.connected) this.#subscribe();
		const ticker = setInterval(() => (this.#now = Date.now()), TICK_MS);
		return () => {
			clearInterval(ticker);
			for (const timer of [this.#recount, this.#retry]) if (timer !== null) clearTimeout(timer);
			socket.removeAllListeners();
			socket.disconnect();
			this.#socket = null;
		};
	}

	/** Asks the server for the list again (after a conflict, or on demand). */
	refresh(): void {
		this.#subscribe();
	}

	/**
	 * Reassigns each case through the `case:reassign` command with the version it was seen at;
	 * one outcome per case (ok, or the server's conflict message). Null when not connected:
	 * the caller then submits the form (the same service, without the socket).
	 */
	async reassign(requests: ReassignRequest[]): Promise<ReassignOutcome[] | null> {
		const socket = this.#socket;
		if (!socket?.connected) return null;
		return Promise.all(requests.map((request) => reassignOne(socket, request, ACK_TIMEOUT_MS)));
	}

	#subscribe(): void {
		const socket = this.#socket;
		if (!socket) return;
		const attempt = ++this.#attempt;
		this.#inFlight = [];
		const request: CasesSubscribe = listQueryOf(this.#filters, this.#limit);
		socket.timeout(ACK_TIMEOUT_MS).emit('cases:subscribe', request, (err, ack) => {
			if (attempt !== this.#attempt || !socket.connected) return;
			this.#answered(err ? null : ack);
		});
	}

	#answered(ack: Ack<CaseListResult> | null): void {
		if (!ack?.ok) {
			if (ack) console.warn(`cases:subscribe refused: ${ack.error.code} ${ack.error.message}`);
			const attempt = this.#attempt;
			this.#retry = setTimeout(() => {
				if (attempt === this.#attempt) this.#subscribe();
			}, RETRY_MS);
			return;
		}
		const missed = this.#inFlight ?? [];
		this.#inFlight = null;
		this.#accept(ack.data);
		for (const fact of missed) this.#apply(fact);
		this.#connection = 'live';
	}

	#accept(list: CaseListResult): void {
		this.#rows = sortByTimeLeft(list.rows);
		this.#counts = list.counts;
		this.#total = list.total;
		this.#asOf = Date.parse(list.asOf);
	}

	#receive(fact: Fact): void {
		this.#inFlight?.push(fact);
		this.#apply(fact);
		this.#asOf = Date.parse(fact.fact.asOf);
		if (this.#recount !== null) clearTimeout(this.#recount);
		this.#recount = setTimeout(() => {
			this.#recount = null;
			this.#subscribe();
		}, RECOUNT_MS);
	}

	#apply({ kind, fact }: Fact): void {
		const before = this.#rows.length;
		const belongs = (row: CaseRow) => rowMatches(row, this.#filters);
		if (kind === 'updated') this.#rows = upsertRow(this.#rows, fact.row, belongs);
		if (kind === 'transitioned') {
			this.#rows = applyTransition(this.#rows, fact.caseId, fact.target, fact.to);
			this.#rows = this.#rows.filter(belongs);
		}
		if (kind === 'reassigned') {
			const held = this.#rows.find((r) => r.id === fact.caseId);
			if (held && held.version < fact.version) {
				const row = { ...held, version: fact.version, ...fact.to };
				this.#rows = upsertRow(this.#rows, row, belongs);
			}
		}
		this.#total = Math.max(0, this.#total + this.#rows.length - before);
	}
}
