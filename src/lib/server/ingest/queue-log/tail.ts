/**
 * `sigap tail queue-log`: follows a growing queue_log like `tail -F` and sends every complete
 * line's event to the ingest API. Nothing is skipped: the saved offset moves only after the
 * server acknowledged a batch, a partial last line waits for its newline, a down server is
 * retried with backoff, rotation (rename + new file) finishes the old file first, and
 * truncation starts over at 0. Lines read twice are harmless: their ids repeat (parse.ts).
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import type { IngestResponse, WireEvent } from '../../../contracts/ingest';
import { type BatchLimits, INGEST_LIMITS, splitBatches } from '../batches';
import { countResults } from '../results';
import { assertTimeZone, parseQueueLogLine, type QueueLogFormat } from './parse';
import { defaultStatePath, readTailState, writeTailState } from './tail-state';
import { resumePoint } from './tail-start';

export interface TailerOptions {
	file: string;
	format: QueueLogFormat;
	timeZone?: string;
	/** Default `FILE.sigap-tail.json`. */
	statePath?: string;
	/** Without saved state, read the file from its start instead of from its end. */
	fromStart?: boolean;
	/** Posts one batch; resolves once the server acknowledged it, rejects to be retried. */
	send: (events: WireEvent[], signal: AbortSignal) => Promise<IngestResponse>;
	note?: (note: TailNote) => void;
	pollMs?: number;
	retry?: { firstMs: number; maxMs: number };
	limits?: BatchLimits;
}

export interface TailNote {
	kind: 'info' | 'problem' | 'rejected' | 'retry';
	text: string;
}

interface Followed {
	handle: FileHandle;
	/** The path read, for messages (the rotated name while finishing an old file). */
	name: string;
	dev: number;
	ino: number;
	offset: number;
	line: number;
	/** Bytes after `offset` of a line whose newline has not been written yet. */
	pending: Buffer;
}

interface Pending {
	line: number;
	end: number;
	event: WireEvent;
}

const CHUNK_BYTES = 256 * 1024;
const statOrNull = (file: string) => stat(file).catch(() => null);

export class QueueLogTailer {
	readonly stats = { events: 0, accepted: 0, duplicate: 0, rejected: 0, problems: 0 };
	private current: Followed | null = null;
	private stopping = false;
	private readonly abort = new AbortController();
	private wake: (() => void) | null = null;
	private running: Promise<void> | null = null;
	private readonly statePath: string;

	constructor(private readonly o: TailerOptions) {
		assertTimeZone(o.timeZone ?? 'UTC');
		this.statePath = o.statePath ?? defaultStatePath(o.file);
	}

	/** Follows the file until stop(); rejects only on errors no retry can mend (state file). */
	run(): Promise<void> {
		this.running ??= this.loop();
		return this.running;
	}

	/** Stops after the current step; a batch in flight is aborted and resent on the next run. */
	async stop(): Promise<void> {
		this.stopping = true;
		this.abort.abort();
		this.wake?.();
		await this.running?.catch(() => undefined);
	}

	private async loop(): Promise<void> {
		try {
			this.current = await this.start();
			while (this.current && !this.stopping) {
				await this.drain(this.current);
				if (!this.stopping) await this.followRotation(this.current);
				await this.sleep(this.o.pollMs ?? 500);
			}
		} finally {
			await this.current?.handle.close();
		}
	}

	private async start(): Promise<Followed | null> {
		const state = await readTailState(this.statePath);
		const now = await this.waitForFile();
		if (!now) return null;
		const point = await resumePoint(this.o.file, now, state, this.o.fromStart ?? false);
		if (point.note) this.say('info', point.note);
		const followed = await this.follow(point.name, point.offset, point.line);
		// Saved at once: a restart before the first new line must not jump to a later end.
		await this.commit(followed, point.offset, point.line, true);
		return followed;
	}

	private async waitForFile() {
		for (let said = false; !this.stopping; said = true) {
			const s = await statOrNull(this.o.file);
			if (s) return s;
			if (!said) this.say('info', `waiting for ${this.o.file} to appear`);
			await this.sleep(this.o.pollMs ?? 500);
		}
		return null;
	}

	private async follow(name: string, offset: number, line: number): Promise<Followed> {
		const handle = await open(name, 'r');
		const { dev, ino } = await handle.stat();
		return { handle, name, dev, ino, offset, line, pending: Buffer.alloc(0) };
	}

	/** Reads and sends every complete line after the offset. */
	private async drain(f: Followed): Promise<void> {
		const chunk = Buffer.alloc(CHUNK_BYTES);
		while (!this.stopping) {
			const { bytesRead } = await f.handle.read(
				chunk,
				0,
				chunk.length,
				f.offset + f.pending.length
			);
			if (bytesRead === 0) return;
			const data = Buffer.concat([f.pending, chunk.subarray(0, bytesRead)]);
			const complete = data.lastIndexOf(10) + 1;
			f.pending = Buffer.from(data.subarray(complete));
			if (complete > 0 && !(await this.sendLines(f, data.subarray(0, complete)))) return;
		}
	}

	/** Parses complete lines, sends their events batch by batch, saving the offset after each ack. */
	private async sendLines(f: Followed, bytes: Buffer): Promise<boolean> {
		const items: Pending[] = [];
		let end = f.offset;
		let line = f.line;
		for (let start = 0; start < bytes.length;) {
			const newline = bytes.indexOf(10, start);
			const parsed = parseQueueLogLine(bytes.toString('utf8', start, newline), this.o);
			end = f.offset + newline + 1;
			line++;
			start = newline + 1;
			if (parsed.kind === 'event') items.push({ line, end, event: parsed.event });
			if (parsed.kind === 'problem') this.problem(`${f.name}:${line}: ${parsed.message}`);
		}
		for (const batch of splitBatches(items, (i) => i.event, this.o.limits ?? INGEST_LIMITS)) {
			const answer = await this.sendWithRetry(batch.map((i) => i.event));
			if (!answer) return false;
			this.tally(f, batch, answer);
			const last = batch[batch.length - 1]!;
			await this.commit(f, last.end, last.line);
		}
		await this.commit(f, end, line);
		return true;
	}

	private tally(f: Followed, batch: Pending[], answer: IngestResponse): void {
		this.stats.events += batch.length;
		countResults(
			answer,
			this.stats,
			(i, why) => this.say('rejected', `${f.name}:${batch[i]?.line ?? '?'}: rejected: ${why}`),
			(i, what) => this.say('info', `${f.name}:${batch[i]?.line ?? '?'}: warning: ${what}`)
		);
	}

	private async sendWithRetry(events: WireEvent[]): Promise<IngestResponse | null> {
		const { firstMs, maxMs } = this.o.retry ?? { firstMs: 1000, maxMs: 30_000 };
		for (let delay = firstMs; !this.stopping; delay = Math.min(delay * 2, maxMs)) {
			try {
				return await this.o.send(events, this.abort.signal);
			} catch (error) {
				if (this.stopping) break;
				this.say('retry', `${(error as Error).message}; retrying in ${delay / 1000} s`);
				await this.sleep(delay);
			}
		}
		return null;
	}

	private async commit(f: Followed, offset: number, line: number, force = false): Promise<void> {
		if (offset === f.offset && !force) return;
		f.offset = offset;
		f.line = line;
		const { size } = await f.handle.stat();
		await writeTailState(this.statePath, { dev: f.dev, ino: f.ino, offset, size, line });
	}

	/** Rotation: finish the old file, then the new one from 0. Truncation: start over at 0. */
	private async followRotation(f: Followed): Promise<void> {
		const now = await statOrNull(this.o.file);
		if (now && (now.dev !== f.dev || now.ino !== f.ino)) {
			await this.drain(f);
			if (this.stopping) return;
			if (f.pending.length) {
				this.problem(
					`${f.name}:${f.line + 1}: truncated final line (no newline) in the rotated file; not read`
				);
			}
			await f.handle.close();
			this.say('info', `${this.o.file} was rotated; following the new file from its start`);
			this.current = await this.follow(this.o.file, 0, 0);
			await this.commit(this.current, 0, 0, true);
			return;
		}
		if (!now) return; // renamed away, not yet recreated: keep reading the old handle
		const { size } = await f.handle.stat();
		if (size < f.offset + f.pending.length) {
			this.say('info', `${this.o.file} was truncated; reading it again from the start`);
			f.pending = Buffer.alloc(0);
			await this.commit(f, 0, 0, true);
		}
	}

	private problem(text: string): void {
		this.stats.problems++;
		this.say('problem', text);
	}

	private say(kind: TailNote['kind'], text: string): void {
		this.o.note?.({ kind, text });
	}

	private sleep(ms: number): Promise<void> {
		if (this.stopping) return Promise.resolve();
		return new Promise((resolve) => {
			const done = () => {
				clearTimeout(timer);
				this.wake = null;
				resolve();
			};
			const timer = setTimeout(done, ms);
			this.wake = done;
		});
	}
}
