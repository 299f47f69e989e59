/**
 * `reprocessDeadLetters` (issue 4 §5): after a fix, every waiting dead letter that matches the
 * filter goes through its adapter again (reprocess-one.ts), oldest first, and is marked —
 * reprocessed, or still failing with the new reason. Idempotent: events dedupe by id, and a
 * letter done leaves the waiting list. Runs are one at a time per process (the admin button,
 * the API and a CLI on the same server do not interleave).
 */
import type { ReprocessReportV1, ReprocessRequest } from '../../../contracts/sources';
import type { Db } from '../../db';
import { markAttempt, waitingDeadLetters } from '../../repositories/dead-letter.repository';
import { reprocessOne, type ReprocessChannels } from './reprocess-one';

export interface ReprocessDeps {
	db: Db;
	channels: ReprocessChannels;
	now(): number;
	log?(line: string): void;
}

/** Letters one run goes through at most (a button press stays a reasonable request). */
export const MAX_PER_RUN = 1000;
const PAGE = 100;

let running: Promise<unknown> = Promise.resolve();

export function reprocessDeadLetters(
	deps: ReprocessDeps,
	filter: ReprocessRequest & { limit?: number } = {}
): Promise<ReprocessReportV1> {
	const run = running.then(() => reprocessAll(deps, filter));
	running = run.catch(() => undefined);
	return run;
}

async function reprocessAll(
	deps: ReprocessDeps,
	filter: ReprocessRequest & { limit?: number }
): Promise<ReprocessReportV1> {
	const limit = Math.min(filter.limit ?? MAX_PER_RUN, MAX_PER_RUN);
	const report: ReprocessReportV1 = {
		tried: 0,
		reprocessed: 0,
		stillFailing: 0,
		stored: 0,
		duplicates: 0,
		more: false,
		outcomes: []
	};
	let afterId = 0;
	for (;;) {
		// One more than the run may take, to tell whether more are waiting.
		const size = Math.min(PAGE, limit - report.tried + 1);
		const page = await waitingDeadLetters(deps.db, {
			source: filter.source,
			id: filter.id,
			afterId,
			limit: size
		});
		for (const letter of page) {
			if (report.tried === limit) return { ...report, more: true };
			afterId = letter.id;
			report.tried++;
			const attempt = await reprocessOne(deps.channels, letter);
			if (!attempt.skipped) {
				const at = deps.now();
				await markAttempt(
					deps.db,
					letter.id,
					at,
					attempt.ok ? { ok: true } : { ok: false, reason: attempt.reason! }
				);
			}
			if (attempt.ok) report.reprocessed++;
			else report.stillFailing++;
			report.stored += attempt.stored;
			report.duplicates += attempt.duplicates;
			report.outcomes.push({
				id: letter.id,
				source: letter.source,
				ok: attempt.ok,
				reason: attempt.reason,
				stored: attempt.stored,
				duplicates: attempt.duplicates
			});
		}
		if (page.length < size || filter.id) break;
	}
	deps.log?.(
		`sigap: dead letters reprocessed: ${report.reprocessed} done, ${report.stillFailing} still failing, ${report.stored} events stored`
	);
	return report;
}
