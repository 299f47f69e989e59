/**
 * Freshness of live figures (metrics.md §Freshness): a wall must never look live while it
 * is stale. Pure; the rune class feeds it the clock from a 500 ms ticker.
 */

/** Data older than this is not live (metrics.md §Freshness). */
export const MAX_DATA_AGE_MS = 10_000;

export type Connection = 'connecting' | 'live' | 'offline';

/** What the connection indicator shows; `live` only when connected, subscribed and fresh. */
export type IndicatorState = 'live' | 'stale' | 'offline' | 'connecting';

/**
 * Age of the data on the server's clock. `clockLagMs` is how far this browser's clock was seen
 * behind the server's (a figure cannot be computed in the future), so a slow TV clock cannot
 * make old data look fresh. A fast clock is not corrected: it can only make the wall say
 * "not live" too early, the safe side.
 */
export function dataAgeMs(now: number, asOf: number, clockLagMs: number): number {
	return now + clockLagMs - asOf;
}

/** How far behind the server this clock is, from a message received at `receivedAt`. */
export function observedClockLag(previousLag: number, receivedAt: number, asOf: number): number {
	return Math.max(previousLag, asOf - receivedAt, 0);
}

/** Stale = the connection is not live, or the newest data is older than 10 s (or unknown). */
export function isStale(connection: Connection, ageMs: number): boolean {
	if (connection === 'offline') return true;
	return !(ageMs <= MAX_DATA_AGE_MS);
}

/** The indicator: offline wins, then staleness, then the connection's own state. */
export function indicatorState(connection: Connection, stale: boolean): IndicatorState {
	if (connection === 'offline') return 'offline';
	if (stale) return 'stale';
	return connection;
}
