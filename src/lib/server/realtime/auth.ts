/**
 * Socket authentication and authorisation (issue 5 §3). A handshake carries the session cookie,
 * a display cookie or a personal API token (`auth.token`); without a valid one the connection
 * is refused. Every command is checked against the one declaration (domain/access/rules.ts)
 * before its handler runs, and the server decides the rooms: a wall room only within the
 * principal's scope. When access changes (bus `access:changed`), matching sockets are re-checked
 * at once: closed (after an `access:revoked` notice) or re-scoped (rooms outside the new scope
 * left, `access:rescoped`). Sockets restored by connection-state recovery are re-checked too.
 */
import { decideSocket } from '../../domain/access/can';
import { describePrincipal, type Principal } from '../../domain/access/principal';
import { mayWatch } from '../../domain/access/scope';
import type { WallTarget } from '../../domain/access/principal';
import type { Container } from '../container';
import type { SigapServer, SigapSocket } from './attach';
import { audit } from '../services/access/audit.service';
import { placeCase } from '../services/access/case-scope';
import { withPrincipal } from '../services/access/request-context';
import { caseDenial } from '../http/resource-check';
import {
	authenticate,
	DISPLAY_COOKIE,
	reloadPrincipal,
	SESSION_COOKIE,
	type Credentials
} from '../services/access/sessions.service';

/** A periodic re-check catches what no bus event announces (expiry, another process's revoke). */
const SWEEP_MS = 15_000;

/** `metrics:<province|*>:<issueType|*>` → the wall it shows (contracts/socket.ts metricsRoom). */
export function wallOfRoom(room: string): WallTarget | null {
	const m = /^metrics:([^:]+):([^:]+)$/.exec(room);
	if (!m) return null;
	return { province: m[1] === '*' ? null : m[1]!, issueType: m[2] === '*' ? null : m[2]! };
}

/** May this principal stay in (or join) this room? Unknown room kinds are refused. */
export function mayJoinRoom(p: Principal, room: string, socketId: string): boolean {
	if (room === socketId) return true;
	const wall = wallOfRoom(room);
	if (wall) return mayWatch(p, wall);
	// The work-queue room: case facts are filtered per socket by scope when emitted.
	if (room === 'cases') return decideSocket(p, 'cases:subscribe').ok;
	return false;
}

function cookieValue(header: string | undefined, name: string): string | null {
	for (const part of (header ?? '').split(';')) {
		const [k, ...v] = part.trim().split('=');
		if (k === name) return decodeURIComponent(v.join('='));
	}
	return null;
}

/** What a handshake presents: cookies (browsers) or `auth: { token }` (scripts). */
export function handshakeCredentials(socket: SigapSocket): Credentials {
	const cookie = socket.handshake.headers.cookie;
	const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
	return {
		session: cookieValue(cookie, SESSION_COOKIE),
		display: cookieValue(cookie, DISPLAY_COOKIE),
		bearer: typeof token === 'string' ? token : null
	};
}

const addressOf = (s: SigapSocket) => s.handshake.address ?? null;
const principalOf = (s: SigapSocket) => s.data.principal ?? null;
function setPrincipal(s: SigapSocket, p: Principal) {
	s.data.principal = p;
}

export interface SocketAuth {
	/** Re-checks the sockets matching an access change now (also used by tests). */
	recheck(match: (p: Principal) => boolean): Promise<void>;
	close(): void;
}

export function attachSocketAuth(io: SigapServer, c: Container): SocketAuth {
	io.use((socket, next) => {
		authenticate(c, handshakeCredentials(socket))
			.then((auth) => {
				if (!auth.principal) {
					const reason = auth.displayRevoked ? 'display_revoked' : 'unauthenticated';
					return next(Object.assign(new Error(reason), { data: { code: reason } }));
				}
				setPrincipal(socket, auth.principal);
				next();
			})
			.catch((error: unknown) => {
				console.error('sigap: socket authentication failed', error);
				next(new Error('internal'));
			});
	});
	io.on('connection', (socket) => {
		socket.use(guard(c, socket));
		// Restored sockets skip the middleware (connection-state recovery): check them now.
		if (socket.recovered) void recheckSocket(c, socket);
	});
	const sockets = () => [...io.of('/').sockets.values()];
	const recheck = async (match: (p: Principal) => boolean) => {
		const matching = sockets().filter((s) => {
			const p = principalOf(s);
			return p !== null && match(p);
		});
		await Promise.all(matching.map((s) => recheckSocket(c, s)));
	};
	const stop = c.bus.on('access:changed', (change) => {
		void recheck((p) => matchesChange(p, change));
	});
	const sweep = setInterval(() => void recheck(() => true), SWEEP_MS);
	sweep.unref();
	return {
		recheck,
		close: () => {
			stop();
			clearInterval(sweep);
		}
	};
}

type Change = {
	userId?: string;
	sessionIds?: string[];
	displayTokenId?: string;
	apiTokenId?: string;
};

function matchesChange(p: Principal, change: Change): boolean {
	if (change.sessionIds?.some((id) => p.credentialId === `session:${id}`)) return true;
	if (change.apiTokenId && p.credentialId === `token:${change.apiTokenId}`) return true;
	if (p.kind === 'user') return change.userId === p.userId;
	return change.displayTokenId === p.tokenId;
}

/** Loads the socket's principal again: disconnect if gone, leave rooms no longer allowed. */
async function recheckSocket(c: Container, socket: SigapSocket): Promise<void> {
	const before = principalOf(socket);
	const now = before ? await reloadPrincipal(c, before).catch(() => null) : null;
	if (!now) {
		const reason = before?.kind === 'display' ? 'display_revoked' : 'session_ended';
		socket.emit('access:revoked', { reason });
		socket.disconnect(true);
		return;
	}
	setPrincipal(socket, now);
	const left = [...socket.rooms].filter((room) => !mayJoinRoom(now, room, socket.id));
	for (const room of left) void socket.leave(room);
	if (left.length) socket.emit('access:rescoped', { left });
}

type Packet = [string, ...unknown[]];

/**
 * The per-socket packet guard: the declared rule; the scope for wall subscriptions and for
 * commands on a case; then the handler runs as this principal (request-context.ts).
 */
function guard(c: Container, socket: SigapSocket) {
	return (packet: Packet, next: (err?: Error) => void) => {
		const [event, payload] = packet;
		const ack = packet.findLast((a) => typeof a === 'function') as
			((r: unknown) => void) | undefined;
		const p = principalOf(socket);
		refusal(c, p, event, payload)
			.then((reason) => {
				if (!reason) return withPrincipal(p, () => next());
				console.warn(`sigap: socket ${event} refused for ${describePrincipal(p)}: ${reason}`);
				ack?.({ ok: false, error: { code: 'forbidden', message: reason } });
				const detail = { event, reason };
				return audit(
					c.database.db,
					{ principal: p, address: addressOf(socket) },
					{ action: `socket.${event}`, outcome: 'denied', detail },
					c.clock.now()
				);
			})
			.catch((error: unknown) => {
				console.error(`sigap: socket ${event} guard failed`, error);
				ack?.({ ok: false, error: { code: 'internal', message: 'unexpected error' } });
			});
	};
}

/** Why this command is refused to this principal, or null. */
async function refusal(
	c: Container,
	p: Principal | null,
	event: string,
	payload: unknown
): Promise<string | null> {
	const decision = decideSocket(p, event);
	if (!decision.ok) return decision.reason;
	if (!p) return 'sign in first';
	if (event === 'metrics:subscribe') {
		const wall = wallRequested(payload);
		if (wall && !mayWatch(p, wall)) return `the wall ${describeWall(wall)} is outside your scope`;
	}
	if (decision.rule.resource === 'case') {
		const caseId = (payload as { caseId?: unknown } | null)?.caseId;
		if (typeof caseId === 'string') return caseDenial([caseId], p, (id) => placeCase(c, id));
	}
	return null;
}

/** The wall a `metrics:subscribe` asks for (shape errors are the handler's to report). */
function wallRequested(payload: unknown): WallTarget | null {
	if (typeof payload !== 'object' || payload === null) return null;
	const { province = null, issueType = null } = payload as Record<string, unknown>;
	const text = (v: unknown) => (typeof v === 'string' ? v : null);
	return { province: text(province), issueType: text(issueType) };
}

const describeWall = (w: WallTarget) => `${w.province ?? 'national'}/${w.issueType ?? 'all'}`;
