/**
 * A small Asterisk Manager Interface client: log in, hand every event to the caller, run
 * actions by ActionID (list actions collect their events up to the completion event), keep
 * the connection alive with Ping, and reconnect with exponential backoff until stopped.
 * (No maintained npm client fits: the candidates are untyped, years without a release, or pull
 * old dependencies; the protocol is `Key: Value` lines — frame.ts.)
 */
import net from 'node:net';
import { field, formatAction, FrameReader, type AmiMessage } from './frame';

export interface AmiClientOptions {
	host: string;
	port: number;
	username: string;
	secret: string;
	/** Reconnect delays: the first, doubled after each failure up to the max. */
	backoff?: { initialMs: number; maxMs: number };
	/** Ping this often; a Ping unanswered within actionTimeoutMs drops the connection. */
	pingIntervalMs?: number;
	actionTimeoutMs?: number;
	log?: (line: string) => void;
}

export interface AmiHandlers {
	/** An event not belonging to one of our list actions, with the instant it was read. */
	message(message: AmiMessage, receivedAt: number): void;
	problem(raw: string, reason: string): void;
	loggedIn(): void;
	disconnected(reason: string): void;
}

export interface ActionResult {
	response: AmiMessage;
	events: AmiMessage[];
}

interface Pending {
	listEnd: string | null;
	response: AmiMessage | null;
	events: AmiMessage[];
	resolve(result: ActionResult): void;
	reject(error: Error): void;
	timer: ReturnType<typeof setTimeout>;
}

export class AmiClient {
	readonly #o: Required<Omit<AmiClientOptions, 'log'>> & Pick<AmiClientOptions, 'log'>;
	readonly #reader = new FrameReader();
	readonly #pending = new Map<string, Pending>();
	#socket: net.Socket | null = null;
	#stopped = true;
	#loggedIn = false;
	#delay: number;
	#nextId = 0;
	#lastAt = 0;
	#retry: ReturnType<typeof setTimeout> | null = null;
	#ping: ReturnType<typeof setInterval> | null = null;

	constructor(
		options: AmiClientOptions,
		private readonly handlers: AmiHandlers,
		private readonly now: () => number = Date.now
	) {
		this.#o = {
			backoff: { initialMs: 1000, maxMs: 30_000 },
			pingIntervalMs: 20_000,
			actionTimeoutMs: 10_000,
			...options
		};
		this.#delay = this.#o.backoff.initialMs;
	}

	get connected(): boolean {
		return this.#loggedIn;
	}

	start(): void {
		if (!this.#stopped) return;
		this.#stopped = false;
		this.#connect();
	}

	async stop(): Promise<void> {
		this.#stopped = true;
		if (this.#retry) clearTimeout(this.#retry);
		const socket = this.#socket;
		if (!socket || socket.destroyed) return;
		await new Promise<void>((resolve) => {
			socket.once('close', () => resolve());
			socket.destroy();
		});
	}

	/** Sends an action; with `listEnd` (e.g. `QueueStatusComplete`) collects its events. */
	action(fields: Record<string, string>, listEnd: string | null = null): Promise<ActionResult> {
		const socket = this.#socket;
		if (!socket || socket.destroyed) return Promise.reject(new Error('AMI is not connected'));
		const id = `sigap-${++this.#nextId}`;
		return new Promise<ActionResult>((resolve, reject) => {
			const timer = setTimeout(() => {
				this.#pending.delete(id);
				reject(
					new Error(`AMI action ${fields.Action} got no answer in ${this.#o.actionTimeoutMs} ms`)
				);
			}, this.#o.actionTimeoutMs);
			this.#pending.set(id, { listEnd, response: null, events: [], resolve, reject, timer });
			socket.write(formatAction({ ...fields, ActionID: id }));
		});
	}

	#connect(): void {
		this.#reader.reset();
		const socket = net.connect({ host: this.#o.host, port: this.#o.port });
		this.#socket = socket;
		socket.setEncoding('utf8');
		socket.setKeepAlive(true, 30_000);
		socket.on('connect', () => void this.#login());
		socket.on('data', (chunk: string) => this.#read(chunk));
		socket.on('error', (error) => this.#o.log?.(`sigap: AMI ${this.#where()}: ${error.message}`));
		socket.on('close', () => this.#closed());
	}

	async #login(): Promise<void> {
		try {
			const { response } = await this.action({
				Action: 'Login',
				Username: this.#o.username,
				Secret: this.#o.secret,
				Events: 'on'
			});
			if (field(response, 'Response')?.toLowerCase() !== 'success') {
				throw new Error(`login refused: ${field(response, 'Message') ?? 'no reason given'}`);
			}
			this.#loggedIn = true;
			this.#delay = this.#o.backoff.initialMs;
			this.#ping = setInterval(() => void this.#keepAlive(), this.#o.pingIntervalMs);
			this.#o.log?.(`sigap: AMI ${this.#where()}: logged in`);
			this.handlers.loggedIn();
		} catch (error) {
			this.#o.log?.(`sigap: AMI ${this.#where()}: ${(error as Error).message}`);
			this.#socket?.destroy();
		}
	}

	async #keepAlive(): Promise<void> {
		try {
			await this.action({ Action: 'Ping' });
		} catch {
			this.#socket?.destroy();
		}
	}

	/**
	 * Hands messages on with strictly increasing instants: the stream is ordered, and events
	 * of one chunk (a pause then an unpause) must not tie when folded by instant.
	 */
	#read(chunk: string): void {
		for (const read of this.#reader.push(chunk)) {
			if (read.kind === 'problem') this.handlers.problem(read.raw, read.message);
			else if (!this.#answer(read.message)) {
				this.#lastAt = Math.max(this.now(), this.#lastAt + 1);
				this.handlers.message(read.message, this.#lastAt);
			}
		}
	}

	/** True when the message answers one of our actions (and was consumed). */
	#answer(m: AmiMessage): boolean {
		const id = field(m, 'ActionID');
		const pending = id === undefined ? undefined : this.#pending.get(id);
		if (!pending || id === undefined) return false;
		if (field(m, 'Response') !== undefined && pending.response === null) pending.response = m;
		else if (pending.listEnd !== null) pending.events.push(m);
		const response = pending.response;
		if (response === null) return true;
		const done =
			pending.listEnd === null ||
			field(response, 'Response')?.toLowerCase() === 'error' ||
			field(m, 'Event')?.toLowerCase() === pending.listEnd.toLowerCase();
		if (done) {
			clearTimeout(pending.timer);
			this.#pending.delete(id);
			pending.resolve({ response, events: pending.events });
		}
		return true;
	}

	#closed(): void {
		const wasLoggedIn = this.#loggedIn;
		this.#loggedIn = false;
		if (this.#ping) clearInterval(this.#ping);
		for (const [id, p] of this.#pending) {
			clearTimeout(p.timer);
			p.reject(new Error('AMI connection closed'));
			this.#pending.delete(id);
		}
		if (wasLoggedIn) this.handlers.disconnected(`connection to ${this.#where()} closed`);
		if (this.#stopped) return;
		this.#retry = setTimeout(() => this.#connect(), this.#delay);
		this.#delay = Math.min(this.#delay * 2, this.#o.backoff.maxMs);
	}

	#where(): string {
		return `${this.#o.host}:${this.#o.port}`;
	}
}
