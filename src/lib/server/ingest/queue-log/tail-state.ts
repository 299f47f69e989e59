/**
 * Where `sigap tail` stands in a queue_log: the file's identity (dev, inode) and the byte
 * offset up to which every line was acknowledged by the server. Written atomically after
 * each acknowledged batch, so a restart resumes exactly there.
 */
import { open, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface TailState {
	dev: number;
	ino: number;
	/** Bytes of the file whose lines were all sent and acknowledged. */
	offset: number;
	/** File size when the offset was saved (diagnostics). */
	size: number;
	/** Complete lines before `offset`, for `FILE:LINE` messages after a restart. */
	line: number;
}

export const defaultStatePath = (file: string) => `${file}.sigap-tail.json`;

const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;

/** The saved state, null when there is none; a damaged file is an error, never a silent skip. */
export async function readTailState(statePath: string): Promise<TailState | null> {
	let text: string;
	try {
		text = await readFile(statePath, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw error;
	}
	let state: Partial<TailState> | null = null;
	try {
		state = JSON.parse(text) as Partial<TailState>;
	} catch {
		/* reported below */
	}
	const fields = ['dev', 'ino', 'offset', 'size'] as const;
	if (!state || !fields.every((f) => isCount(state[f]))) {
		throw new Error(
			`state file ${statePath} is damaged (expected {dev, ino, offset, size}); fix or delete it (deleting it re-reads per --from-start)`
		);
	}
	return { ...(state as TailState), line: isCount(state.line) ? state.line! : 0 };
}

export async function writeTailState(statePath: string, state: TailState): Promise<void> {
	const temporary = `${statePath}.${process.pid}.tmp`;
	await writeFile(temporary, `${JSON.stringify(state)}\n`);
	await rename(temporary, statePath);
}

/**
 * A rotated copy of `file` (same directory, name starting with its name: `queue_log.1`,
 * `queue_log-20260324`) that is the file a state was saved for, or null.
 */
export async function findRotated(file: string, dev: number, ino: number): Promise<string | null> {
	const dir = path.dirname(file);
	const base = path.basename(file);
	for (const name of await readdir(dir).catch(() => [])) {
		if (name === base || !name.startsWith(base)) continue;
		const candidate = path.join(dir, name);
		const s = await stat(candidate).catch(() => null);
		if (s?.isFile() && s.dev === dev && s.ino === ino) return candidate;
	}
	return null;
}

/** Offset just after the last newline: tailing "from the end" never starts mid-line. */
export async function endOfLastLine(file: string, size: number): Promise<number> {
	const handle = await open(file, 'r');
	try {
		const chunk = Buffer.alloc(64 * 1024);
		for (let end = size; end > 0;) {
			const start = Math.max(0, end - chunk.length);
			const { bytesRead } = await handle.read(chunk, 0, end - start, start);
			const at = chunk.subarray(0, bytesRead).lastIndexOf(10);
			if (at >= 0) return start + at + 1;
			end = start;
		}
		return 0;
	} finally {
		await handle.close();
	}
}

/** Newlines in the first `upTo` bytes: the line number a tail starting there continues from. */
export async function countLines(file: string, upTo: number): Promise<number> {
	const handle = await open(file, 'r');
	try {
		const chunk = Buffer.alloc(256 * 1024);
		let lines = 0;
		for (let at = 0; at < upTo;) {
			const { bytesRead } = await handle.read(chunk, 0, Math.min(chunk.length, upTo - at), at);
			if (bytesRead === 0) break;
			for (let i = chunk.indexOf(10); i >= 0 && i < bytesRead; i = chunk.indexOf(10, i + 1))
				lines++;
			at += bytesRead;
		}
		return lines;
	} finally {
		await handle.close();
	}
}
