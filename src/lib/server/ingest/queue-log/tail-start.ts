/**
 * Where `sigap tail` starts reading: the saved offset of the same file; the rotated old file
 * when the path now names a new one (finish it first); the start of a file that shrank or was
 * replaced with the old one gone; else the start (`--from-start`) or the end of the last line.
 */
import type { Stats } from 'node:fs';
import { countLines, endOfLastLine, findRotated, type TailState } from './tail-state';

export interface ResumePoint {
	/** The path to read: the tailed file, or its rotated predecessor. */
	name: string;
	offset: number;
	line: number;
	/** Why reading starts where it does, when that is not the obvious resume. */
	note?: string;
}

export async function resumePoint(
	file: string,
	now: Stats,
	state: TailState | null,
	fromStart: boolean
): Promise<ResumePoint> {
	if (state && now.dev === state.dev && now.ino === state.ino) {
		if (now.size >= state.offset) return { name: file, offset: state.offset, line: state.line };
		return {
			name: file,
			offset: 0,
			line: 0,
			note: `${file} is shorter than the saved offset; reading it from the start`
		};
	}
	if (state) {
		const old = await findRotated(file, state.dev, state.ino);
		if (old) {
			const note = `finishing ${old} (rotated since the last run) from its saved offset`;
			return { name: old, offset: state.offset, line: state.line, note };
		}
		const note = `${file} was replaced since the last run and the old file is gone; reading the new one from its start`;
		return { name: file, offset: 0, line: 0, note };
	}
	if (fromStart) return { name: file, offset: 0, line: 0 };
	const offset = await endOfLastLine(file, now.size);
	const note = `following ${file} from its end (byte ${offset}); --from-start reads it all`;
	return { name: file, offset, line: await countLines(file, offset), note };
}
