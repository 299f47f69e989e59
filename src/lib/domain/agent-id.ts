/**
 * One agent, one id — metrics.md §Calls ("answered": the same agent reached as `SIP/1001`,
 * `PJSIP/1001`, `Local/1001@…` or `Agent/1001` is one agent; "agents": counted once).
 *
 * Asterisk names a queue member by its channel interface, and the same person shows up under
 * several: a phone (`SIP/1001`, `PJSIP/1001`, `IAX2/1001`), a callback agent
 * (`Local/1127@callback-agent`, `Local/1001@from-queue/n`), a chan_agent login (`Agent/1001`),
 * or a live channel name with its instance suffix (`PJSIP/1001-0000002a`, `Local/…;1`).
 */

/** Technology prefix of a channel interface: `SIP/`, `PJSIP/`, `IAX2/`, `Local/`, `Agent/` … */
const TECHNOLOGY = /^[A-Za-z][A-Za-z0-9_]*\//;
/** Instance suffix of a live channel name: `-0000002a` (8 hex digits), optionally `;1`/`;2`. */
const INSTANCE = /-[0-9a-f]{8}(;\d+)?$/i;

/**
 * The canonical agent id of a queue_log/AMI member or channel: the extension or login,
 * without technology, dial context, Local-channel flags or instance suffix.
 * `NONE` and empty mean "no agent" and give `''`. A member name without technology
 * (`log_membername_as_agent`, e.g. `Budi Santoso`) is kept as it is, trimmed.
 */
export function canonicalAgent(channel: string): string {
	const trimmed = channel.trim();
	if (trimmed === '' || trimmed.toUpperCase() === 'NONE') return '';
	const withoutTechnology = trimmed.replace(TECHNOLOGY, '');
	// `1001@from-queue/n`: the dial context and the Local flags follow the first `@`.
	const [extension = ''] = withoutTechnology.split('@');
	return extension.replace(INSTANCE, '').replace(/;\d+$/, '').trim();
}
