/**
 * A fake Asterisk Manager Interface for tests, on 127.0.0.1: greets like Asterisk, accepts any
 * login (or refuses, when told to), answers Ping, answers QueueStatus from a recorded session
 * (the panoramisk recordings in ../shared/data/realworld/asterisk) plus any waiting callers the
 * test says are in queue, replays recorded sessions' events, and can go down and come back on
 * the same port (a PBX restart).
 */
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { field, FrameReader, type AmiMessage } from '../../src/lib/server/ingest/ami/frame';

export const recording = (name: string) =>
	readFileSync(
		path.resolve(process.cwd(), '../shared/data/realworld/asterisk', `panoramisk_ami_${name}.yaml`),
		'utf8'
	);

/** The messages of a recording, without the client's actions. */
export function recordedEvents(text: string): AmiMessage[] {
	return new FrameReader()
		.push(`${text}\n\n`)
		.flatMap((r) => (r.kind === 'message' ? [r.message] : []))
		.filter((m) => m.fields[0]![0] !== 'Action');
}

const wireText = (m: AmiMessage, actionId?: string) =>
	m.fields
		.map(([k, v]) => (k === 'ActionID' && actionId ? `${k}: ${actionId}` : `${k}: ${v}`))
		.join('\r\n') + '\r\n\r\n';

export class FakeAmi {
	readonly actions: AmiMessage[] = [];
	/** The recorded QueueStatus answer (Response, QueueParams, QueueMember…, Complete). */
	queueStatus: AmiMessage[] = recordedEvents(recording('queue_status'));
	/** Waiting callers to list in QueueStatus: `QueueEntry` lines (Asterisk 13 names). */
	waiting: { queue: string; uniqueid: string; wait: number; caller?: string }[] = [];
	/**
	 * Members to list in QueueStatus besides the recorded ones: `QueueMember` lines (Asterisk 13
	 * names: `InCall` is the queue's own "on a call now", `Status` the device state, 2 = in use).
	 */
	members: { queue: string; name: string; inCall: boolean; paused?: boolean }[] = [];
	refuseLogin = false;
	#server: net.Server | null = null;
	#sockets = new Set<net.Socket>();
	#listeners: ((action: AmiMessage) => void)[] = [];

	private constructor(public port: number) {}

	static async start(): Promise<FakeAmi> {
		const fake = new FakeAmi(0);
		await fake.listen();
		return fake;
	}

	get clients(): number {
		return this.#sockets.size;
	}

	async listen(): Promise<void> {
		const server = net.createServer((socket) => this.#accept(socket));
		await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
		this.port = (server.address() as net.AddressInfo).port;
		this.#server = server;
	}

	/** Sends raw text (one or more frames) to every connected client. */
	send(text: string): void {
		for (const s of this.#sockets) s.write(text.replace(/\r?\n/g, '\r\n'));
	}

	/** Sends one event given as `Key: Value` lines. */
	event(...lines: string[]): void {
		this.send(`${lines.join('\r\n')}\r\n\r\n`);
	}

	replay(messages: AmiMessage[]): void {
		for (const m of messages) this.send(wireText(m));
	}

	/** The next action of this name the client sends (or one already received). */
	nextAction(name: string, after = 0): Promise<AmiMessage> {
		const seen = this.actions.slice(after).find((a) => field(a, 'Action') === name);
		if (seen) return Promise.resolve(seen);
		return new Promise((resolve) => {
			const listener = (a: AmiMessage) => {
				if (field(a, 'Action') !== name) return;
				this.#listeners = this.#listeners.filter((l) => l !== listener);
				resolve(a);
			};
			this.#listeners.push(listener);
		});
	}

	/** The PBX goes down: every connection dropped, the port closed. */
	async down(): Promise<void> {
		for (const s of this.#sockets) s.destroy();
		this.#sockets.clear();
		await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve());
	}

	async close(): Promise<void> {
		await this.down();
	}

	#accept(socket: net.Socket): void {
		this.#sockets.add(socket);
		socket.on('close', () => this.#sockets.delete(socket));
		socket.on('error', () => undefined);
		socket.setEncoding('utf8');
		socket.write('Asterisk Call Manager/5.0.1\r\n');
		const reader = new FrameReader();
		socket.on('data', (chunk: string) => {
			for (const read of reader.push(chunk))
				if (read.kind === 'message') this.#answer(socket, read.message);
		});
	}

	#answer(socket: net.Socket, action: AmiMessage): void {
		this.actions.push(action);
		const id = field(action, 'ActionID') ?? '';
		const name = field(action, 'Action');
		if (name === 'Login') {
			socket.write(
				this.refuseLogin
					? `Response: Error\r\nActionID: ${id}\r\nMessage: Authentication failed\r\n\r\n`
					: `Response: Success\r\nActionID: ${id}\r\nMessage: Authentication accepted\r\n\r\n`
			);
		} else if (name === 'Ping') {
			socket.write(`Response: Success\r\nActionID: ${id}\r\nPing: Pong\r\n\r\n`);
		} else if (name === 'QueueStatus') {
			const [response, ...rest] = this.queueStatus;
			const complete = rest.pop()!;
			const entries = this.waiting.map(
				(w, i) =>
					`Event: QueueEntry\r\nQueue: ${w.queue}\r\nPosition: ${i + 1}\r\nUniqueid: ${w.uniqueid}\r\nCallerIDNum: ${w.caller ?? 'unknown'}\r\nWait: ${w.wait}\r\nActionID: ${id}\r\n\r\n`
			);
			const members = this.members.map(
				(m) =>
					`Event: QueueMember\r\nQueue: ${m.queue}\r\nName: ${m.name}\r\nLocation: ${m.name}\r\nStateInterface: ${m.name}\r\nMembership: dynamic\r\nPenalty: 0\r\nCallsTaken: 1\r\nLastCall: 0\r\nInCall: ${m.inCall ? 1 : 0}\r\nStatus: ${m.inCall ? 2 : 1}\r\nPaused: ${m.paused ? 1 : 0}\r\nActionID: ${id}\r\n\r\n`
			);
			socket.write(
				wireText(response!, id) +
					rest.map((m) => wireText(m, id)).join('') +
					members.join('') +
					entries.join('') +
					wireText(complete, id)
			);
		} else {
			socket.write(
				`Response: Error\r\nActionID: ${id}\r\nMessage: Invalid/unknown command\r\n\r\n`
			);
		}
		for (const l of [...this.#listeners]) l(action);
	}
}
