/**
 * Demo traffic: a small discrete-event simulation of the contact center that produces wire
 * events (contracts/ingest.ts) with realistic shapes — arrivals by hour of day, provinces
 * weighted by their number of villages (one Kopdes per village), a mix of issue types, some
 * abandons and short abandons, bot-contained chats and hand-offs, cases opened and resolved.
 * Deterministic for a seed, so it can also drive the benchmark.
 */
import type { WireEvent } from '../../lib/contracts/ingest';

export interface DemoReference {
	provinces: { code: string; villages: number }[];
	queues: { name: string; issueType: string | null }[];
}

type Draft = WireEvent extends infer E
	? E extends WireEvent
		? Omit<E, 'id' | 'at'>
		: never
	: never;
interface Pending {
	at: number;
	event: Draft;
}

/** Mulberry32: tiny, seedable, good enough for traffic shapes. */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Relative load by WIB hour: office hours busy, nights quieter but never dead (demo). */
const AGENTS = 40;
const agentId = (i: number) => `10${String(i).padStart(2, '0')}`;
const PAUSE_REASONS = ['Istirahat', 'Makan siang', 'Rapat', 'Administrasi'];

const HOURLY = [
	0.5, 0.45, 0.4, 0.4, 0.45, 0.5, 0.6, 0.8, 1, 1, 1, 0.95, 0.8, 0.9, 1, 0.95, 0.85, 0.7, 0.65, 0.6,
	0.6, 0.55, 0.55, 0.5
];

export class DemoSimulation {
	#random: () => number;
	#queue: Pending[] = [];
	#counter = 0;
	#clock: number;
	#weights: number[];

	constructor(
		private reference: DemoReference,
		start: number,
		private runId: string,
		seed = 1,
		/** Mean contacts (calls+chats+cases) per minute at a busy hour. */
		private perMinute = 12
	) {
		this.#random = rng(seed);
		this.#clock = start;
		let sum = 0;
		this.#weights = reference.provinces.map((p) => (sum += p.villages));
		for (let i = 0; i < AGENTS; i++)
			this.#push(start, { type: 'agent.logged_in', agent: agentId(i) });
	}

	/** Every event due before `until`, in time order, with ids and ISO times. */
	advance(until: number): WireEvent[] {
		while (this.#clock < until) this.#arrive();
		this.#queue.sort((a, b) => a.at - b.at);
		const due = this.#queue.filter((p) => p.at < until);
		this.#queue = this.#queue.filter((p) => p.at >= until);
		return due.map(
			(p) =>
				({
					...p.event,
					id: `${this.runId}-${++this.#counter}`,
					at: new Date(p.at).toISOString()
				}) as WireEvent
		);
	}

	#pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.#random() * items.length)]!;
	}

	#province(): string {
		const total = this.#weights[this.#weights.length - 1]!;
		const x = this.#random() * total;
		const i = this.#weights.findIndex((w) => w > x);
		return this.reference.provinces[i]!.code;
	}

	#exp(mean: number): number {
		return -Math.log(1 - this.#random()) * mean;
	}

	#arrive(): void {
		const hour = new Date(this.#clock + 7 * 3600_000).getUTCHours();
		this.#clock += this.#exp(60_000 / (this.perMinute * HOURLY[hour]!));
		const kind = this.#random();
		const id = `${this.runId}-${Math.floor(this.#clock)}-${Math.floor(this.#random() * 1e6)}`;
		if (this.#random() < 0.03) this.#pause();
		if (kind < 0.55) this.#call(id);
		else if (kind < 0.9) this.#chat(id);
		else this.#case(id);
	}

	#push(at: number, event: Draft): void {
		this.#queue.push({ at: Math.round(at), event });
	}

	#call(callId: string): void {
		const q = this.#pick(this.reference.queues);
		const t0 = this.#clock;
		const province = this.#random() < 0.93 ? this.#province() : 'unknown';
		this.#push(t0, {
			type: 'call.entered',
			callId,
			queue: q.name,
			caller: `08${Math.floor(this.#random() * 1e9)}`,
			province
		});
		const wait = Math.round(this.#exp(12));
		const fate = this.#random();
		const agent = agentId(Math.floor(this.#random() * AGENTS));
		if (fate < 0.06)
			this.#push(t0 + wait * 1000, {
				type: 'call.abandoned',
				callId,
				queue: q.name,
				waitSeconds: wait
			});
		else if (fate < 0.09)
			this.#push(t0 + 2000, { type: 'call.abandoned', callId, queue: q.name, waitSeconds: 2 });
		else if (fate < 0.1)
			this.#push(t0 + 300_000, {
				type: 'call.exited',
				callId,
				queue: q.name,
				reason: 'timeout',
				waitSeconds: 300
			});
		else {
			const talk = Math.round(60 + this.#exp(180));
			this.#push(t0 + wait * 1000, {
				type: 'call.connected',
				callId,
				queue: q.name,
				agent,
				waitSeconds: wait
			});
			this.#push(t0 + (wait + talk) * 1000, {
				type: 'call.completed',
				callId,
				queue: q.name,
				agent,
				waitSeconds: wait,
				talkSeconds: talk,
				by: this.#random() < 0.5 ? 'agent' : 'caller'
			});
		}
	}

	/** An agent takes a break of 5–20 minutes, with a reason (the wall counts paused agents). */
	#pause(): void {
		const agent = agentId(Math.floor(this.#random() * AGENTS));
		const reason = this.#pick(PAUSE_REASONS);
		this.#push(this.#clock, { type: 'agent.paused', agent, reason });
		this.#push(this.#clock + (5 + this.#random() * 15) * 60_000, { type: 'agent.unpaused', agent });
	}

	#chat(sessionId: string): void {
		const t0 = this.#clock;
		const issueType = this.#pick(this.reference.queues).issueType ?? 'informasi_umum';
		const contact = `wa-${Math.floor(this.#random() * 5000)}`;
		this.#push(t0, {
			type: 'chat.started',
			sessionId,
			contact,
			province: this.#province(),
			issueType,
			bot: true
		});
		if (this.#random() < 0.55) {
			this.#push(t0 + (60 + this.#exp(90)) * 1000, { type: 'chat.ended', sessionId, by: 'bot' });
			return;
		}
		const handoff = t0 + (30 + this.#exp(60)) * 1000;
		this.#push(handoff, { type: 'chat.handed_off', sessionId });
		if (this.#random() < 0.07) {
			this.#push(handoff + this.#exp(120) * 1000, { type: 'chat.ended', sessionId, by: 'contact' });
			return;
		}
		const reply = handoff + (10 + this.#exp(60)) * 1000;
		this.#push(reply, {
			type: 'chat.agent_replied',
			sessionId,
			agent: `20${Math.floor(this.#random() * 30)}`
		});
		this.#push(reply + (120 + this.#exp(300)) * 1000, {
			type: 'chat.ended',
			sessionId,
			by: 'agent'
		});
	}

	#case(caseId: string): void {
		const t0 = this.#clock;
		const issueType = this.#pick(this.reference.queues).issueType ?? 'lainnya';
		const origin = this.#pick(['ticket', 'ticket', 'call', 'chat'] as const);
		this.#push(t0, {
			type: 'case.opened',
			caseId,
			province: this.#province(),
			issueType,
			origin,
			priority: 'normal'
		});
		// A reply comes before the resolution: a resolved case takes no more replies (the API
		// refuses them until it is reopened).
		let last = t0;
		if (this.#random() < 0.8) {
			last = t0 + (5 + this.#exp(30)) * 60_000;
			this.#push(last, { type: 'case.responded', caseId });
		}
		if (this.#random() < 0.5)
			this.#push(last + (15 + this.#exp(120)) * 60_000, { type: 'case.resolved', caseId });
	}
}
