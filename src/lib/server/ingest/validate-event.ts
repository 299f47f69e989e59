/**
 * Edge validation of one wire event (contracts/ingest.ts) against the schema and the
 * reference data, then normalisation into a domain event. Every rejection says what to fix.
 */
import { canonicalAgent } from '../../domain/agent-id';
import type { ContactEvent } from '../../domain/events';
import { toWibIso } from '../../domain/time/wib';
import { wireEventSchema, type EventProblem, type WireEvent } from '../../contracts/ingest';

export interface ValidationContext {
	now: number;
	maxFutureMs: number;
	queues: ReadonlySet<string>;
	/** Queues first seen in this batch and registered for it (issue type unknown). */
	newQueues?: ReadonlySet<string>;
	provinces: ReadonlySet<string>;
	issueTypes: ReadonlySet<string>;
}

export type Validated =
	| { ok: true; sourceEventId: string; event: ContactEvent }
	| { ok: false; sourceEventId: string | null; problems: EventProblem[] };

const idOf = (raw: unknown): string | null =>
	raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string'
		? (raw as { id: string }).id
		: null;

function referenceProblems(e: WireEvent, at: number, ctx: ValidationContext): EventProblem[] {
	const problems: EventProblem[] = [];
	if (at > ctx.now + ctx.maxFutureMs) {
		problems.push({
			path: 'at',
			message: `is in the future (${toWibIso(at)}; server time ${toWibIso(ctx.now)}); at most ${ctx.maxFutureMs / 1000} s ahead is accepted — check the source clock`
		});
	}
	if ('queue' in e && e.queue !== undefined && !ctx.queues.has(e.queue)) {
		problems.push({
			path: 'queue',
			message: `unknown queue "${e.queue}"; register it first (npx sigap queue add ${e.queue} --issue-type <code>)`
		});
	}
	if ('province' in e && e.province && e.province !== 'unknown' && !ctx.provinces.has(e.province)) {
		problems.push({
			path: 'province',
			message: `"${e.province}" is not one of the 38 BPS province codes`
		});
	}
	if (
		'issueType' in e &&
		e.issueType &&
		e.issueType !== 'unknown' &&
		!ctx.issueTypes.has(e.issueType)
	) {
		problems.push({
			path: 'issueType',
			message: `unknown issue type "${e.issueType}"; known: ${[...ctx.issueTypes].join(', ')}`
		});
	}
	return problems;
}

function normalise(e: WireEvent, at: number): ContactEvent {
	const { id: _id, at: _at, ...fields } = e;
	const event = { ...fields, at } as ContactEvent;
	if ('agent' in event && typeof event.agent === 'string')
		event.agent = canonicalAgent(event.agent);
	return event;
}

export function validateEvent(raw: unknown, ctx: ValidationContext): Validated {
	const parsed = wireEventSchema.safeParse(raw);
	if (!parsed.success) {
		return {
			ok: false,
			sourceEventId: idOf(raw),
			problems: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
		};
	}
	const at = Date.parse(parsed.data.at);
	const problems = referenceProblems(parsed.data, at, ctx);
	if (problems.length) return { ok: false, sourceEventId: parsed.data.id, problems };
	return { ok: true, sourceEventId: parsed.data.id, event: normalise(parsed.data, at) };
}
