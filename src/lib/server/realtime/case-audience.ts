/**
 * Who receives a case fact (issue 5 §3, isolation): only the sockets of the work-queue room
 * whose principal covers the case (its province and issue type; agents: their own cases), and
 * for wall breaches only the sockets of the wall rooms, a wall display seeing the case number
 * masked. The places of recently changed cases are remembered, so facts that do not carry
 * one (a reassignment) still reach exactly the right sockets.
 */
import { coversResource, type Resource } from '../../domain/access/can';
import { maskCaseNumber } from '../../domain/access/redact';
import type { CaseRow } from '../../contracts/cases';
import type { WallBreachV1 } from '../../contracts/socket';
import type { SigapServer, SigapSocket } from './attach';

const REMEMBERED = 50_000;

export class CaseAudience {
	#places = new Map<string, Resource>();

	constructor(
		private io: SigapServer,
		private lookup: (caseId: string) => Promise<Resource | null>
	) {}

	remember(row: CaseRow): Resource {
		const place = {
			province: row.provinceCode,
			issueType: row.issueType,
			assigneeId: row.assignee?.id ?? null
		};
		this.#places.delete(row.id);
		this.#places.set(row.id, place);
		if (this.#places.size > REMEMBERED) this.#places.delete(this.#places.keys().next().value!);
		return place;
	}

	/** The case's place: remembered, else looked up (null: unknown, delivered to nobody scoped). */
	async placeOf(caseId: string): Promise<Resource | null> {
		return this.#places.get(caseId) ?? (await this.lookup(caseId).catch(() => null));
	}

	/** The local sockets in these rooms (each once). */
	sockets(rooms: string[]): SigapSocket[] {
		const nsp = this.io.of('/');
		const ids = new Set(rooms.flatMap((room) => [...(nsp.adapter.rooms.get(room) ?? [])]));
		return [...ids].map((id) => nsp.sockets.get(id)).filter((s): s is SigapSocket => !!s);
	}

	/** Sends to the sockets of `rooms` whose principal covers `place`. */
	toCovering(rooms: string[], place: Resource | null, send: (socket: SigapSocket) => void): void {
		for (const socket of this.sockets(rooms)) {
			const p = socket.data.principal;
			if (p && place && coversResource(p, place)) send(socket);
		}
	}

	/** A breach for the wall rooms: displays get the masked case number (issue 5 §4). */
	breach(rooms: string[], fact: WallBreachV1): void {
		for (const socket of this.sockets(rooms)) {
			const display = socket.data.principal?.kind === 'display';
			socket.emit('wall:breach', display ? { ...fact, number: maskCaseNumber(fact.number) } : fact);
		}
	}
}
