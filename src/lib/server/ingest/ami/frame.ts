/**
 * The Asterisk Manager Interface wire format: a message is `Key: Value` lines ending with a
 * blank line (CRLF on the wire; LF alone is accepted). The server greets with one line
 * (`Asterisk Call Manager/5.0.1`) before the first message. Pure: chunks in, messages out.
 */

export interface AmiMessage {
	/** Fields in order as sent; a key may repeat (`ChanVariable`). */
	fields: [string, string][];
	/** The message's text, for dead letters and replays. */
	raw: string;
}

export type FrameRead =
	{ kind: 'message'; message: AmiMessage } | { kind: 'problem'; raw: string; message: string };

/** A frame this long without its blank line is garbage, not a PBX message. */
export const MAX_FRAME_CHARS = 64 * 1024;
const BANNER = /^Asterisk Call Manager\/\S+$/;

/** The value of a field, by case-insensitive name (1.8 writes `Holdtime`, 13 `HoldTime`). */
export function field(message: AmiMessage, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of message.fields) if (key.toLowerCase() === wanted) return value;
	return undefined;
}

/** The first of several names that is present (old and new spellings of one field). */
export function firstField(message: AmiMessage, ...names: string[]): string | undefined {
	for (const name of names) {
		const value = field(message, name);
		if (value !== undefined) return value;
	}
	return undefined;
}

/** Parses one frame's text (without its blank line). */
export function parseFrame(raw: string): FrameRead {
	const fields: [string, string][] = [];
	const lines = raw.split('\n');
	for (const [i, line] of lines.entries()) {
		const colon = line.indexOf(':');
		if (colon <= 0) {
			return {
				kind: 'problem',
				raw,
				message: `broken AMI frame: line ${i + 1} "${line.slice(0, 80)}" is not "Key: Value"`
			};
		}
		fields.push([line.slice(0, colon).trim(), line.slice(colon + 1).replace(/^ /, '')]);
	}
	return { kind: 'message', message: { fields, raw } };
}

/**
 * Splits a byte stream into frames. Keeps the unfinished tail between chunks; a tail longer
 * than MAX_FRAME_CHARS is reported and dropped so one broken sender cannot exhaust memory.
 */
export class FrameReader {
	#buffer = '';
	#greeted = false;

	push(chunk: string): FrameRead[] {
		this.#buffer += chunk.replace(/\r/g, '');
		const out: FrameRead[] = [];
		if (!this.#greeted) this.#skipBanner();
		const blank = /\n[ \t]*\n/g;
		let start = 0;
		for (let m = blank.exec(this.#buffer); m; m = blank.exec(this.#buffer)) {
			const frame = this.#buffer.slice(start, m.index).replace(/^\s+/, '');
			start = m.index + m[0].length;
			if (frame !== '') out.push(parseFrame(frame));
		}
		this.#buffer = this.#buffer.slice(start);
		if (this.#buffer.length > MAX_FRAME_CHARS) {
			out.push({
				kind: 'problem',
				raw: this.#buffer.slice(0, 4096),
				message: `broken AMI frame: over ${MAX_FRAME_CHARS} characters without an end`
			});
			this.#buffer = '';
		}
		return out;
	}

	/** Forgets a half-read frame (after a reconnect the stream starts afresh). */
	reset(): void {
		this.#buffer = '';
		this.#greeted = false;
	}

	#skipBanner(): void {
		const end = this.#buffer.indexOf('\n');
		if (end < 0) return;
		if (BANNER.test(this.#buffer.slice(0, end).trim())) this.#buffer = this.#buffer.slice(end + 1);
		this.#greeted = true;
	}
}

/** The text of an action: `Action: QueueStatus\r\nActionID: 7\r\n\r\n`. */
export function formatAction(fields: Record<string, string>): string {
	const lines = Object.entries(fields).map(([key, value]) => {
		if (/[\r\n]/.test(value)) throw new RangeError(`AMI field ${key} must be one line`);
		return `${key}: ${value}`;
	});
	return `${lines.join('\r\n')}\r\n\r\n`;
}
