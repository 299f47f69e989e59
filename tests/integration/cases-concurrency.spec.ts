/**
 * Safe concurrent reassignment (issue 3 §7): two team leads reassign one case in the same
 * millisecond — over two real Socket.io clients, and over two HTTP requests — on PGlite and on
 * PostgreSQL: exactly one wins, the other gets a clear conflict, the history has one entry and
 * watchers see one broadcast.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseReassignedV1 } from '../../src/lib/contracts/socket';
import { api, createCase } from './cases-client';
import { startTestServer, type DbKind, type TestServer } from './harness';

// Over HTTP (the harness's bare routes) the claimed actor; over sockets the signed-in user
// (issue 5: the server records who acted, never a name the client typed).
const CONFLICT =
	/^already reassigned by (lead-[ab]|team-lead-\d+@harness\.test) to (Budi Santoso|Dewi Lestari) \(Tim Layanan Nasional\) at \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} WIB, refresh\?$/;

describe.each<DbKind>(['pglite', 'postgres'])('concurrent reassignment on %s', (kind) => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer(kind);
	});
	afterAll(async () => {
		await server?.close();
	});

	/** A socket in the work-queue room, counting reassignment broadcasts per case. */
	async function watcher() {
		const socket = server.client();
		const seen: CaseReassignedV1[] = [];
		socket.on('case:reassigned', (fact) => seen.push(fact));
		const ack = await socket.emitWithAck('cases:subscribe', {});
		expect(ack.ok).toBe(true);
		return seen;
	}

	async function connected(cookie?: string) {
		const socket = server.client(cookie ? { cookie } : {});
		if (!socket.connected) await new Promise<void>((r) => socket.once('connect', () => r()));
		return socket;
	}

	async function historyOf(caseId: string) {
		const view = await api(server.url, 'GET', `/api/v1/cases/${caseId}`);
		return (view.body.history as { kind: string }[]).filter((h) => h.kind === 'reassigned');
	}

	it('two socket clients in the same millisecond: one winner, one conflict, one entry, one broadcast', async () => {
		const kase = await createCase(server.url);
		const seen = await watcher();
		const leads = await Promise.all(
			[1, 2].map(() => server.signIn('team_lead', { provinces: ['61'] }))
		);
		const [a, b] = await Promise.all([connected(leads[0]!.cookie), connected(leads[1]!.cookie)]);
		const command = (actor: string, assigneeId: string) => ({
			caseId: kase.id,
			assigneeId,
			reason: 'lebih paham soal lahan',
			expectedVersion: kase.version,
			actor
		});
		const acks = await Promise.all([
			a.emitWithAck('case:reassign', command('lead-a', '1002')),
			b.emitWithAck('case:reassign', command('lead-b', '1003'))
		]);
		const wins = acks.filter((x) => x.ok);
		const losses = acks.filter((x) => !x.ok);
		expect(wins).toEqual([{ ok: true, data: { version: kase.version + 1 } }]);
		expect(losses).toHaveLength(1);
		expect(losses[0]).toMatchObject({ ok: false, error: { code: 'conflict' } });
		expect(!losses[0]!.ok && losses[0]!.error.message).toMatch(CONFLICT);
		expect(await historyOf(kase.id)).toHaveLength(1);
		await new Promise((r) => setTimeout(r, 300));
		expect(seen.filter((f) => f.caseId === kase.id)).toHaveLength(1);
	});

	it('two HTTP requests in the same millisecond: one 200, one 409 naming who and to whom', async () => {
		const kase = await createCase(server.url);
		const seen = await watcher();
		const body = (actor: string, assigneeId: string) => ({
			assigneeId,
			reason: 'beban kerja',
			expectedVersion: kase.version,
			actor
		});
		const path = `/api/v1/cases/${kase.number}/reassign`;
		const replies = await Promise.all([
			api(server.url, 'POST', path, body('lead-a', '1002')),
			api(server.url, 'POST', path, body('lead-b', '1003'))
		]);
		expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
		const winner = replies.find((r) => r.status === 200)!;
		const loser = replies.find((r) => r.status === 409)!;
		expect(winner.body).toEqual({ version: kase.version + 1 });
		expect(loser.body.error.message).toMatch(CONFLICT);
		expect(loser.body.error.current).toMatchObject({
			version: kase.version + 1,
			team: { id: 'nasional', name: 'Tim Layanan Nasional' }
		});
		expect(['lead-a', 'lead-b']).toContain(loser.body.error.current.by);
		expect(await historyOf(kase.id)).toHaveLength(1);
		await new Promise((r) => setTimeout(r, 300));
		expect(seen.filter((f) => f.caseId === kase.id)).toHaveLength(1);
	});

	it('a socket command with a bad payload is refused with the field named', async () => {
		const a = await connected();
		const ack = await a.emitWithAck('case:reassign', {
			caseId: 'x',
			assigneeId: '1002',
			reason: '',
			expectedVersion: 1
		});
		expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
		expect(!ack.ok && ack.error.message).toMatch(/reason/);
	});
});
