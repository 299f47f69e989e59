/** The one word a source's state shows as on the admin page (issue 4 §6). */
import type { SourceHealthV1 } from '../../contracts/sources';

export type SourceState = 'silent' | 'disconnected' | 'connected' | 'receiving' | 'idle';

/** Silence first (the wall warns about it), then AMI's connection, then reception. */
export function stateOf(
	s: Pick<SourceHealthV1, 'silent' | 'connected' | 'receiving'>
): SourceState {
	if (s.silent) return 'silent';
	if (s.connected === false) return 'disconnected';
	if (s.connected) return 'connected';
	return s.receiving ? 'receiving' : 'idle';
}

/** The state in words: "senyap 23 mnt" (with AMI's connection when it has one), else the state. */
export function stateWords(
	s: Pick<SourceHealthV1, 'silent' | 'connected' | 'receiving' | 'silentMinutes'>,
	words: { states: Record<SourceState, string>; silentFor(minutes: number): string }
): string {
	if (!s.silent) return words.states[stateOf(s)];
	const link =
		s.connected === null ? '' : ` · ${words.states[s.connected ? 'connected' : 'disconnected']}`;
	return `${words.silentFor(s.silentMinutes)}${link}`;
}

/** `2026-03-09 10:05` from an ISO instant with the +07:00 offset (it is WIB already). */
export function wibText(iso: string | null): string | null {
	return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : null;
}
