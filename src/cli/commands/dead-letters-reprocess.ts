/**
 * `sigap dead-letters reprocess [--source S] [--id N]`: every waiting dead letter (of a source,
 * or one) through the adapter it came from again, after a fix (issue 4 §5); each is marked done
 * or still failing with its new reason. Events dedupe by id, so running it twice stores nothing
 * twice. Without `--url` it runs on its own container (with PGlite, while the server is
 * stopped; AMI is not connected from here); with `--url` the running server does it.
 * Exit code: 0 all done, 1 some still failing, 2 usage error.
 */
import type { Command } from 'commander';
import type { ReprocessReportV1, ReprocessRequest } from '../../lib/contracts/sources';
import { CliError } from '../errors';
import { signInTo } from '../server-session';

interface Options {
	source?: string;
	id?: string;
	url?: string;
	email?: string;
}

function requestOf(o: Options): ReprocessRequest {
	if (o.id !== undefined && !/^[1-9]\d*$/.test(o.id))
		throw new CliError('--id must be a dead letter id (a whole number ≥ 1)');
	if (o.source !== undefined && !/^(ami:)?[a-z0-9][a-z0-9._-]{0,62}$/.test(o.source))
		throw new CliError('--source must be a source name (whatsapp, chatwoot, ami:<pbx source>, …)');
	return { ...(o.source ? { source: o.source } : {}), ...(o.id ? { id: Number(o.id) } : {}) };
}

async function locally(request: ReprocessRequest): Promise<ReprocessReportV1> {
	// This process must not open a second AMI session to the PBX: the server owns that one.
	process.env.SIGAP_AMI_ENABLED = 'false';
	const [{ withContainer }, { reprocess }] = await Promise.all([
		import('../with-container'),
		import('../../lib/server/services/sources/sources-routes')
	]);
	try {
		return await withContainer((c) => reprocess(c, request));
	} catch (error) {
		if (!(error instanceof CliError) || !/server is stopped/.test(error.message)) throw error;
		throw new CliError(
			`${error.message}\nOr let the running server do it: --url http://<host>:<port> --email <administrator>`
		);
	}
}

async function remotely(url: string, email: string | undefined, request: ReprocessRequest) {
	if (!email)
		throw new CliError(
			'--url needs --email of an administrator (password: prompt or SIGAP_PASSWORD)'
		);
	const session = await signInTo(url, email);
	return (await session.post('/api/v1/admin/dead-letters/reprocess', request)) as ReprocessReportV1;
}

export function registerReprocess(group: Command): void {
	group
		.command('reprocess')
		.description('feed waiting dead letters through their adapters again (after a fix)')
		.option('--source <name>', 'only this source (whatsapp, chatwoot, ami:<pbx source>)')
		.option('--id <n>', 'only this dead letter')
		.option('--url <url>', 'ask the running server at this address (e.g. http://127.0.0.1:3000)')
		.option('--email <email>', 'administrator to sign in as, with --url')
		.action(async (o: Options) => {
			const request = requestOf(o);
			const report = o.url ? await remotely(o.url, o.email, request) : await locally(request);
			for (const r of report.outcomes) {
				const what = r.ok ? 'done' : 'still failing';
				const note = r.reason ? `\t${r.reason}` : '';
				console.log(
					`${r.id}\t${what}\t${r.source}\t${r.stored} stored, ${r.duplicates} duplicate${note}`
				);
			}
			console.error(
				`${report.reprocessed} reprocessed, ${report.stillFailing} still failing, ` +
					`${report.stored} events stored, ${report.duplicates} duplicates` +
					(report.more ? '; more are waiting: run again' : '')
			);
			if (report.stillFailing > 0) process.exitCode = 1;
		});
}
