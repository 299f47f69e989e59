/**
 * A tiny stand-in for `POST /api/v1/events` (contracts/ingest.ts) on 127.0.0.1: records every
 * body, dedupes on id like the real server, rejects what `reject` names, or refuses batches.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventResult, IngestResponse, WireEvent } from '../../src/lib/contracts/ingest';

export interface FakeIngest {
	url: string;
	port: number;
	batches: WireEvent[][];
	/** Every event id received, in order, repeats included. */
	received: string[];
	authorizations: string[];
	close(): Promise<void>;
}

export interface FakeIngestOptions {
	port?: number;
	reject?: (event: WireEvent) => string | null;
	/** Answer every batch with this status and an ApiError body. */
	refuse?: { status: number; message: string };
}

export async function startFakeIngest(options: FakeIngestOptions = {}): Promise<FakeIngest> {
	const stored = new Set<string>();
	const fake = { batches: [], received: [], authorizations: [] } as unknown as FakeIngest;
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			fake.authorizations.push(req.headers.authorization ?? '');
			res.setHeader('content-type', 'application/json');
			if (options.refuse) {
				res.statusCode = options.refuse.status;
				res.end(JSON.stringify({ error: { code: 'refused', message: options.refuse.message } }));
				return;
			}
			const { events } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
				events: WireEvent[];
			};
			fake.batches.push(events);
			const results = events.map((event, index): EventResult => {
				fake.received.push(event.id);
				const why = options.reject?.(event);
				if (why)
					return {
						index,
						id: event.id,
						status: 'rejected',
						problems: [{ path: 'queue', message: why }]
					};
				if (stored.has(event.id)) return { index, id: event.id, status: 'duplicate' };
				stored.add(event.id);
				return { index, id: event.id, status: 'accepted' };
			});
			const count = (s: string) => results.filter((r) => r.status === s).length;
			const body: IngestResponse = {
				accepted: count('accepted'),
				duplicates: count('duplicate'),
				rejected: count('rejected'),
				results
			};
			res.end(JSON.stringify(body));
		});
	});
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	fake.port = (server.address() as AddressInfo).port;
	fake.url = `http://127.0.0.1:${fake.port}`;
	fake.close = () =>
		new Promise<void>((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		});
	return fake;
}

/** A port nothing listens on (yet): bound once, then released. */
export async function freePort(): Promise<number> {
	const probe = createServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
	const { port } = probe.address() as AddressInfo;
	await new Promise<void>((resolve) => probe.close(() => resolve()));
	return port;
}
