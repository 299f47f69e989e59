/**
 * PLACEHOLDER being replaced by the real container-backed implementation: returns an empty
 * view so the wall UI can be built in parallel. Signature is final.
 */
import type { WallPageData } from '$contracts/reference';
import type { WallScope } from '$contracts/metrics';

export async function wallPageData(scope: WallScope): Promise<WallPageData> {
	const zeroCalls = { offered: 0, answered: 0, answeredWithinThreshold: 0, abandoned: 0, shortAbandons: 0, exited: 0, serviceLevel: null, abandonRate: null, asa: null, aht: null, ahtIsTalkOnly: false, waitingNow: 0, longestWaitNow: null, agents: { loggedIn: 0, available: 0, onCall: 0, paused: 0, pausedByReason: {} } };
	const zeroChats = { sessions: 0, botSessionsEnded: 0, botContained: 0, containmentRate: null, handOffs: 0, waitingNow: 0, longestWaitNow: null, firstResponseMean: null, firstResponseP90: null, missed: 0 };
	const zeroCases = { opened: 0, resolved: 0, backlog: 0, atRisk: 0, breached: 0, firstResponseCompliance: null, resolutionCompliance: null, ageMedianMinutes: null, ageOldestMinutes: null };
	const now = Date.now();
	return {
		reference: { provinces: [{ code: '61', name: 'Kalimantan Barat', villages: 2130 }], issueTypes: [{ code: 'kopdes_lahan', labelId: 'Lahan Kopdes Merah Putih', labelEn: 'Kopdes Merah Putih land' }] },
		snapshot: {
			v: 1, room: 'metrics:*:*', seq: 0, asOf: new Date(now).toISOString(),
			view: { scope, today: { calls: zeroCalls, chats: zeroChats, cases: zeroCases }, provinces: [], issueTypes: [], series: [], thresholds: { serviceLevelSeconds: 20, shortAbandonSeconds: 5, serviceLevelGoal: 80 } }
		}
	};
}
