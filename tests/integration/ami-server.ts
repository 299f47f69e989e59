/**
 * A test server whose AMI client talks to a fake Asterisk, as the same PBX as the harness's
 * ingest key (source "test"), so queue_log and AMI report one PBX; reconnects back off fast.
 */
import type { FakeAmi } from '../support/fake-ami';
import { startTestServer, type DbKind, type TestServer } from './harness';

export function startAmiTestServer(kind: DbKind, fake: FakeAmi): Promise<TestServer> {
	return startTestServer(kind, undefined, {
		env: {
			SIGAP_AMI_ENABLED: 'true',
			SIGAP_AMI_HOST: '127.0.0.1',
			SIGAP_AMI_PORT: String(fake.port),
			SIGAP_AMI_USER: 'sigap',
			SIGAP_AMI_SECRET: 'secret',
			SIGAP_AMI_SOURCE: 'test'
		},
		tuning: { ami: { backoff: { initialMs: 30, maxMs: 150 }, pingIntervalMs: 60_000 } }
	});
}

/** Lets frames on loopback arrive, then waits for the AMI adapter to apply them. */
export async function amiSettled(server: TestServer): Promise<void> {
	await new Promise((r) => setTimeout(r, 50));
	await server.container.channels.ami!.idle();
}
