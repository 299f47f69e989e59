/**
 * The reassign form action shared by `/cases` (one or many cases) and `/cases/[id]`: without
 * JavaScript the team lead's form posts here, and it calls the same services as the socket
 * command (`reassignCase` for one case, `reassignCases` for several).
 */
import { fail, type ActionFailure, type Cookies } from '@sveltejs/kit';
import { outcomesOf, parsePicks } from '../../components/cases/picks';
import type { ReassignOutcome } from '../../live/reassign';
import type { Container } from '../container';
import { reassignCase, reassignCases } from '../services/cases';
import { fieldError, optionalText, texts } from './form-data';

export const ACTOR_COOKIE = 'sigap_actor';

export interface ReassignState {
	outcomes: ReassignOutcome[];
	error: { field: string; message: string } | null;
	values: { assigneeId: string; teamId: string; reason: string };
}

type Result = { reassign: ReassignState } | ActionFailure<{ reassign: ReassignState }>;

/** Reads `case` (checkbox values), `assigneeId`, `teamId`, `reason`, `actor`; answers per case. */
export async function reassignAction(
	c: Container,
	form: FormData,
	cookies: Cookies
): Promise<Result> {
	const actor = optionalText(form, 'actor');
	if (actor) cookies.set(ACTOR_COOKIE, actor, { path: '/', maxAge: 31_536_000, httpOnly: false });
	const target = {
		assigneeId: optionalText(form, 'assigneeId'),
		teamId: optionalText(form, 'teamId'),
		reason: (form.get('reason') as string | null) ?? ''
	};
	const values = {
		assigneeId: target.assigneeId ?? '',
		teamId: target.teamId ?? '',
		reason: target.reason
	};
	const refuse = (field: string, message: string) =>
		fail(400, { reassign: { outcomes: [], error: { field, message }, values } });
	const parsed = parsePicks(texts(form, 'case'));
	if ('problem' in parsed) return refuse('case', parsed.problem);
	if (parsed.picks.length === 0) return refuse('case', 'case: select at least one case');
	try {
		const [only] = parsed.picks;
		if (parsed.picks.length === 1 && only) {
			const { version } = await reassignCase(c, only.caseId, {
				actor,
				...target,
				expectedVersion: only.expectedVersion
			});
			const outcome = { caseId: only.caseId, number: only.number, result: 'ok' as const, version };
			return { reassign: { outcomes: [outcome], error: null, values } };
		}
		const items = parsed.picks.map(({ caseId, expectedVersion }) => ({ caseId, expectedVersion }));
		const { results } = await reassignCases(c, { actor, ...target, items });
		return { reassign: { outcomes: outcomesOf(parsed.picks, results), error: null, values } };
	} catch (error) {
		const known = fieldError(error);
		if (!known) throw error;
		const [only] = parsed.picks;
		// A conflict on a single case is a result for that case, with the server's message.
		if ((error as { code?: string }).code === 'conflict' && only) {
			const { caseId, number } = only;
			const outcome = { caseId, number, result: 'conflict' as const, message: known.message };
			return fail(409, { reassign: { outcomes: [outcome], error: null, values } });
		}
		return refuse(known.field, known.message);
	}
}
