/**
 * The demo's cases go through the cases API (issue 3), not the event ingest, so they exist in
 * the cases table with numbers, SLA clocks and history: an opening becomes `POST /api/v1/cases`
 * (a letter received at the simulated instant), a response `POST …/responses`, a resolution
 * `POST …/status`. The simulation's case ids map to the created cases.
 */
import type { WireEvent } from '../../lib/contracts/ingest';
import { DEMO_KALBAR_TEAM } from './accounts';

type CaseWire = Extract<WireEvent, { caseId: string }>;

const AGENTS = ['1002', '1003', '1004'];
const SUBJECTS: Record<string, string> = {
	kopdes_lahan: 'Status lahan gerai Kopdes Merah Putih',
	kopdes_permodalan: 'Pencairan modal Kopdes',
	kopdes_tata_kelola: 'Pengurus Kopdes belum terdaftar',
	usp_administrasi: 'Perubahan anggaran dasar koperasi simpan pinjam',
	usp_operasional: 'Pengembalian simpanan anggota',
	desa_teknis: 'Akses aplikasi di desa',
	desa_regulasi: 'Peraturan desa tentang Kopdes'
};

/** Splits a batch into the case events (for the cases API) and the rest (for the ingest). */
export function splitCaseEvents(events: WireEvent[]): { cases: CaseWire[]; others: WireEvent[] } {
	const cases: CaseWire[] = [];
	const others: WireEvent[] = [];
	for (const e of events) (e.type.startsWith('case.') ? cases : others).push(e as never);
	return { cases: cases as CaseWire[], others };
}

export class DemoCases {
	#ids = new Map<string, string>();
	#n = 0;

	/** `headers`: the demo's signed-in session (cookie and Origin; issue 5). */
	constructor(
		private url: string,
		private headers: Record<string, string> = {}
	) {}

	/** Applies the simulation's case events in order; a failed call is reported, not fatal. */
	async post(events: CaseWire[]): Promise<number> {
		let done = 0;
		for (const e of events) {
			try {
				if (await this.#one(e)) done++;
			} catch (error) {
				console.error(`sigap demo: ${e.type} ${e.caseId}: ${(error as Error).message}`);
			}
		}
		return done;
	}

	async #one(e: CaseWire): Promise<boolean> {
		if (e.type === 'case.opened') {
			const issueType = e.issueType ?? 'lainnya';
			const created = await this.#call('POST', '/api/v1/cases', {
				actor: 'demo',
				reporterType: (['public', 'member', 'manager'] as const)[this.#n % 3],
				reporterContact: `+62 81${String(2000_0000 + ((this.#n * 7919) % 8000_0000)).padStart(9, '0')}`,
				...(e.province && e.province !== 'unknown' ? { provinceCode: e.province } : {}),
				...(e.province === DEMO_KALBAR_TEAM.province ? { teamId: DEMO_KALBAR_TEAM.id } : {}),
				issueType,
				priority: e.priority ?? 'normal',
				channel: e.origin ?? 'ticket',
				subject: SUBJECTS[issueType] ?? 'Pertanyaan umum tentang koperasi',
				description: 'Kasus demo dari simulasi lalu lintas Sigap.',
				receivedAt: e.at
			});
			this.#ids.set(e.caseId, created.id as string);
			return true;
		}
		const id = this.#ids.get(e.caseId);
		if (!id) return false;
		const agentId = AGENTS[this.#n++ % AGENTS.length];
		if (e.type === 'case.responded') {
			await this.#call('POST', `/api/v1/cases/${id}/responses`, { actor: 'demo', agentId });
		} else if (e.type === 'case.resolved' || e.type === 'case.closed') {
			const status = e.type === 'case.resolved' ? 'resolved' : 'closed';
			await this.#call('POST', `/api/v1/cases/${id}/status`, { actor: 'demo', status });
		}
		return true;
	}

	async #call(method: string, path: string, body: unknown): Promise<Record<string, unknown>> {
		const response = await fetch(`${this.url}${path}`, {
			method,
			headers: { 'content-type': 'application/json', ...this.headers },
			body: JSON.stringify(body)
		});
		const answer = (await response.json()) as Record<string, unknown>;
		if (!response.ok) {
			const error = answer.error as { message?: string } | undefined;
			throw new Error(`${response.status} ${error?.message ?? ''}`);
		}
		return answer;
	}
}
