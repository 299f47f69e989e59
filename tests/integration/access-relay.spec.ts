/**
 * Revocation from another process (issue 5 §3, "within 1 second"): an administrator runs
 * `sigap token revoke` on the server's PostgreSQL while a socket signed in with that token is
 * open; PostgreSQL LISTEN/NOTIFY carries the change to the server, which closes the socket at
 * once instead of at its 15-second sweep. Plus the relay's rules for what it hears.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { DomainBus } from '../../src/lib/server/events/bus';
import { parseEnvelope, relayAccessChanges } from '../../src/lib/server/events/access-relay';
import { createApiToken } from '../../src/lib/server/services/access/tokens.service';
import { startTestServer, type TestServer } from './harness';

const cli = { principal: null, address: null, name: 'cli:test' };

function sigap(args: string[], env: Record<string, string>) {
	const child = spawn(process.execPath, ['src/cli/sigap.js', ...args], {
		env: { ...process.env, ...env }
	});
	let output = '';
	child.stdout.on('data', (d: Buffer) => (output += d.toString()));
	child.stderr.on('data', (d: Buffer) => (output += d.toString()));
	return new Promise<{ code: number | null; output: string; at: number }>((resolve) =>
		child.on('close', (code) => resolve({ code, output, at: Date.now() }))
	);
}

const disconnected = (socket: Socket) =>
	new Promise<{ at: number; reason: string | null }>((resolve) => {
		let reason: string | null = null;
		socket.on('access:revoked', (n) => (reason = n.reason));
		socket.on('disconnect', () => resolve({ at: Date.now(), reason }));
	});

describe('an access change made by another process on the same PostgreSQL', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer('postgres');
	});
	afterAll(async () => {
		await server?.close();
	});

	it('sigap token revoke closes the socket signed in with that token within 1 s', async () => {
		const lead = await server.signIn('team_lead', { provinces: ['61'] });
		const { id, token } = await createApiToken(
			server.container,
			{ user: lead.email, name: 'wall script' },
			cli
		);
		const socket = server.client({ cookie: null, token });
		await new Promise<void>((resolve, reject) => {
			socket.once('connect', resolve);
			socket.once('connect_error', reject);
		});
		const closed = disconnected(socket);
		const { database } = server.container.config;
		if (database.kind !== 'postgres') throw new Error('this test needs PostgreSQL');
		const revoke = await sigap(['token', 'revoke', String(id)], { DATABASE_URL: database.url });
		expect(revoke).toMatchObject({ code: 0, output: expect.stringContaining(`${id} revoked`) });
		const gone = await Promise.race([
			closed,
			new Promise<null>((resolve) => setTimeout(() => resolve(null), 3_000))
		]);
		expect(gone, 'the socket stayed open (only the 15 s sweep would close it)').not.toBeNull();
		expect(gone!.at - revoke.at).toBeLessThan(1_000);
		expect(gone!.reason).not.toBeNull();
	}, 30_000);
});

describe('the access relay', () => {
	it('publishes what other processes send, never echoes it, and sends its own once', async () => {
		const sent: string[] = [];
		let hear: (payload: string) => void = () => {};
		const database = {
			notify: async (_channel: string, payload: string) => void sent.push(payload),
			listen: async (_channel: string, onPayload: (payload: string) => void) => {
				hear = onPayload;
				return async () => {};
			}
		};
		const bus = new DomainBus();
		const heard: unknown[] = [];
		bus.on('access:changed', (change) => heard.push(change));
		const relay = await relayAccessChanges(database, bus, () => {});
		hear(JSON.stringify({ origin: 'other', change: { apiTokenId: '7' } }));
		expect(heard).toEqual([{ apiTokenId: '7' }]);
		expect(sent).toEqual([]);
		bus.publish('access:changed', { userId: '3' });
		await relay.close();
		expect(sent).toHaveLength(1);
		const own = JSON.parse(sent[0]!) as { origin: string };
		// Our own notification comes back from PostgreSQL too: it is not published twice.
		hear(sent[0]!);
		expect(heard).toEqual([{ apiTokenId: '7' }, { userId: '3' }]);
		expect(own.origin).not.toBe('other');
	});

	it.each([
		['not JSON', '{'],
		['no origin', JSON.stringify({ change: {} })],
		['a number id', JSON.stringify({ origin: 'o', change: { userId: 3 } })],
		['session ids not strings', JSON.stringify({ origin: 'o', change: { sessionIds: [1] } })]
	])('refuses a notification with %s', (_what, payload) => {
		expect(parseEnvelope(payload)).toBeNull();
	});

	it('keeps only the known fields of a change', () => {
		const payload = JSON.stringify({
			origin: 'o',
			change: { sessionIds: ['1', '2'], displayTokenId: '4', extra: 'x' }
		});
		expect(parseEnvelope(payload)).toEqual({
			origin: 'o',
			change: { sessionIds: ['1', '2'], displayTokenId: '4' }
		});
	});

	it('does nothing on a database without LISTEN/NOTIFY (PGlite)', async () => {
		const relay = await relayAccessChanges({}, new DomainBus());
		await expect(relay.close()).resolves.toBeUndefined();
	});
});
