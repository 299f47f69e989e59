/**
 * Cases over Socket.io (issue 3): the `case:reassign` command (validated, then the same service
 * as the HTTP route and the form action) and `cases:subscribe` (joins the work-queue room, acks
 * the current list); and the broadcast of case facts from the bus — `case:updated`,
 * `case:reassigned`, `sla:transitioned` to the work-queue room, `wall:breach` to the wall rooms
 * whose scope contains the case. One `seq` per process for all case facts, `asOf` on each.
 */
import {
	CASES_ROOM,
	caseReassignCommandSchema,
	casesSubscribeSchema,
	type Ack
} from '../../contracts/socket';
import type { CaseListResult } from '../../contracts/cases';
import type { Container } from '../container';
import { ackOf, listCases, reassignCase } from '../services/cases';
import type { SigapServer, SigapSocket } from './attach';
import { CaseAudience } from './case-audience';
import { placeCase } from '../services/access/case-scope';

type Reply<T> = (result: Ack<T>) => void;

const replier = <T>(ack: unknown): Reply<T> =>
	typeof ack === 'function' ? (ack as Reply<T>) : () => {};

function invalidPayload(issues: readonly { path: PropertyKey[]; message: string }[]) {
	const message = issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ');
	return { ok: false as const, error: { code: 'invalid_payload' as const, message } };
}

/** Registers the case commands on one socket. */
export function onCaseCommands(socket: SigapSocket, container: Container): void {
	socket.on('case:reassign', async (request: unknown, ack: unknown) => {
		const reply = replier<{ version: number }>(ack);
		const parsed = caseReassignCommandSchema.safeParse(request);
		if (!parsed.success) return reply(invalidPayload(parsed.error.issues));
		const { caseId, ...rest } = parsed.data;
		reply(await ackOf(() => reassignCase(container, caseId, rest)));
	});
	socket.on('cases:subscribe', async (request: unknown, ack: unknown) => {
		const reply = replier<CaseListResult>(ack);
		const parsed = casesSubscribeSchema.safeParse(request ?? {});
		if (!parsed.success) return reply(invalidPayload(parsed.error.issues));
		await socket.join(CASES_ROOM);
		reply(await ackOf(() => listCases(container, parsed.data)));
	});
}

/** The wall rooms whose scope contains a case of `province` and `issueType`. */
export function wallRoomsOf(province: string, issueType: string): string[] {
	return [
		`metrics:*:*`,
		`metrics:${province}:*`,
		`metrics:*:${issueType}`,
		`metrics:${province}:${issueType}`
	];
}

/**
 * Broadcasts the bus's case facts; returns the unsubscribe function. Issue 5: each fact goes
 * only to the sockets whose principal covers the case (CaseAudience), never to a whole room.
 */
export function broadcastCaseFacts(
	io: SigapServer,
	container: Container,
	touchWall: () => void
): () => void {
	let seq = container.clock.now();
	const stamp = () => ({ seq: ++seq, asOf: new Date(container.clock.now()).toISOString() });
	const audience = new CaseAudience(io, (id) => placeCase(container, id));
	const stops = [
		container.bus.on('case:changed', ({ row }) => {
			const place = audience.remember(row);
			audience.toCovering([CASES_ROOM], place, (s) => s.emit('case:updated', { ...stamp(), row }));
		}),
		container.bus.on('case:reassigned', (fact) => {
			void audience
				.placeOf(fact.caseId)
				.then((place) =>
					audience.toCovering([CASES_ROOM], place, (s) =>
						s.emit('case:reassigned', { ...stamp(), ...fact })
					)
				);
		}),
		container.bus.on('sla:transitioned', (fact) => {
			void audience.placeOf(fact.caseId).then((known) => {
				const place = known ?? { province: fact.province, issueType: fact.issueType };
				audience.toCovering([CASES_ROOM], place, (s) =>
					s.emit('sla:transitioned', { ...stamp(), ...fact })
				);
			});
			if (fact.to === 'breached') {
				audience.breach(wallRoomsOf(fact.province, fact.issueType), {
					...stamp(),
					caseId: fact.caseId,
					number: fact.number,
					province: fact.province,
					issueType: fact.issueType,
					target: fact.target,
					at: fact.at,
					lateBySeconds: fact.lateBySeconds
				});
			}
			// The wall's at-risk/breached counts change at this instant, not at the next tick.
			touchWall();
		})
	];
	return () => stops.forEach((stop) => stop());
}
