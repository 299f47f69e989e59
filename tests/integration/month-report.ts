/**
 * Calls ending on both sides of WIB midnights at month ends, and the trends of them: shared by
 * trends-boundaries.spec.ts and its child process that runs under another TZ.
 */
import { startTestServer } from './harness';

const ENDS = [
	'2025-02-28T16:59:59Z', // Fri 28 Feb 23:59:59 WIB
	'2025-02-28T17:00:00Z', // Sat 1 Mar 00:00:00 WIB
	'2025-03-31T16:59:59Z', // Mon 31 Mar 23:59:59 WIB
	'2025-03-31T17:00:00Z' //  Tue 1 Apr 00:00:00 WIB
];

export interface MonthReport {
	tz: string;
	offsetMinutes: number;
	march: number;
	months: { label: string; offered: number }[];
	days: Record<string, number>;
}

/** Posts the four calls on a fresh server and reads the month and day trends back. */
export async function monthReport(): Promise<MonthReport> {
	const clock = { now: () => Date.parse('2025-04-05T00:00:00Z') };
	const s = await startTestServer('pglite', clock);
	try {
		const events = ENDS.flatMap((end, i) => {
			const at = Date.parse(end);
			const base = { callId: `m${i}`, queue: 'kopdes-lahan' };
			return [
				{ ...base, id: `m${i}e`, type: 'call.entered', at: new Date(at - 30_000).toISOString() },
				{ ...base, id: `m${i}a`, type: 'call.abandoned', at: end, waitSeconds: 30 }
			];
		});
		const posted = await s.post(events);
		if (posted.body.accepted !== events.length) throw new Error(JSON.stringify(posted.body));
		const get = async (q: string) =>
			(await (await fetch(`${s.url}/api/v1/trends?measure=calls.offered&${q}`)).json()) as {
				periods: { label: string }[];
				total: { points: { 'calls.offered': number }[]; total: { 'calls.offered': number } };
			};
		const march = await get('from=2025-03-01&to=2025-03-31&granularity=month');
		const months = await get('from=2025-02-01&to=2025-04-30&granularity=month');
		const days = await get('from=2025-02-28&to=2025-04-01&granularity=day');
		return {
			tz: Intl.DateTimeFormat().resolvedOptions().timeZone,
			offsetMinutes: new Date('2025-03-31T12:00:00Z').getTimezoneOffset(),
			march: march.total.total['calls.offered'],
			months: months.periods.map((p, i) => ({
				label: p.label,
				offered: months.total.points[i]!['calls.offered']
			})),
			days: Object.fromEntries(
				days.periods
					.map((p, i) => [p.label, days.total.points[i]!['calls.offered']] as const)
					.filter(([, n]) => n > 0)
			)
		};
	} finally {
		await s.close();
	}
}
