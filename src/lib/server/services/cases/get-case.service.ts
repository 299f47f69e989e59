/**
 * One case with its SLA targets (state, due and at-risk instants, ISO 8601 with the WIB offset)
 * and its whole history: every change, and every SLA transition at its instant; and the call or
 * chat it was made from, if any.
 */
import { clockInputOf } from '../../../domain/cases/facts';
import { toWibIso } from '../../../domain/time/wib';
import type { CaseHistoryEntry, CaseView } from '../../../contracts/cases';
import type { Container } from '../../container';
import { caseHistory } from '../../repositories/case.repository';
import { caseTransitions } from '../../repositories/sla-transition.repository';
import { loadCase } from './commit';
import { summaryOf } from './records';
import { linkedContact } from './source-contact';
import { historyEntry, viewOf } from './views';

export async function caseView(c: Container, idOrNumber: string): Promise<CaseView> {
	const record = await loadCase(c, idOrNumber);
	const now = c.cases.timers.now();
	const summary = summaryOf(record);
	const status =
		c.cases.scheduler.statusOf(record.id, now) ??
		c.cases.evaluator().evaluate(clockInputOf(summary), now);
	const changes = (await caseHistory(c.database.db, record.id)).map(historyEntry);
	const transitions = (await caseTransitions(c.database.db, record.id)).map(
		(t): CaseHistoryEntry => ({
			id: -t.id,
			at: toWibIso(t.at.getTime()),
			actor: 'sla',
			kind: 'sla',
			from: t.fromState,
			to: t.toState,
			reason: null,
			payload: { target: t.target }
		})
	);
	const history = [...changes, ...transitions].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
	const contact = await linkedContact(c, record.channel, record.sourceContactId);
	return viewOf(record, status, history, c.cases.directory, now, contact);
}
